from django.urls import path

from governance.grants import views

app_name = "grants"

urlpatterns = [path("", views.public_list, name="public")]
