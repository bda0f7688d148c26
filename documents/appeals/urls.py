from django.urls import path

from documents.appeals import views

app_name = "appeals"

urlpatterns = [
    path("", views.submit, name="form"),
    path("status/", views.status, name="status"),
    path("statistics/", views.statistics, name="statistics"),
]
