from django.urls import path

from governance.bodies import public_views

app_name = "council"

urlpatterns = [path("", public_views.recommendations, name="recommendations")]
