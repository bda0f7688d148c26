from django.urls import path

from governance.access import params  # noqa: F401 (registers the <id:…> converter)
from governance.orders import views

app_name = "orders"

urlpatterns = [
    path("", views.registry, name="registry"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/docx/", views.docx, name="docx"),
    path("<id:pk>/pdf/", views.pdf_file, name="pdf"),
    path("<id:pk>/annexes/<id:annex>/", views.annex, name="annex"),
]
