from django.urls import path

from governance.access import params  # noqa: F401 (registers the <id:…> converter)
from governance.agreements import views

app_name = "agreements"

urlpatterns = [
    path("", views.public_list, name="public"),
    path("<id:pk>/", views.public_detail, name="detail"),
    path("<id:pk>/texts/<id:text>/", views.public_text, name="text"),
]
