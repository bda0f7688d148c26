from django.urls import path

from governance.structure import views

app_name = "structure"

urlpatterns = [path("", views.public_structure, name="public")]
