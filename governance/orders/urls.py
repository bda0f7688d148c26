from django.urls import path

from governance.access import params  # noqa: F401 (registers the <id:…> and <year:…> converters)
from governance.orders import views

app_name = "orders"

urlpatterns = [
    path("", views.registry, name="registry"),
    # Addresses by the database id, before the year and number: each redirects to its new address.
    path("<id:pk>/", views.by_id, {"view": "detail"}, name="by_id"),
    path("<id:pk>/docx/", views.by_id, {"view": "docx"}, name="by_id_docx"),
    path("<id:pk>/pdf/", views.by_id, {"view": "pdf"}, name="by_id_pdf"),
    path("<id:pk>/annexes/<id:annex>/", views.by_id, {"view": "annex"}, name="by_id_annex"),
    # An order's address: its year and its number as printed ("9", "9-к").
    path("<year:year>/<str:number>/", views.detail, name="detail"),
    path("<year:year>/<str:number>/docx/", views.docx, name="docx"),
    path("<year:year>/<str:number>/pdf/", views.pdf_file, name="pdf"),
    path("<year:year>/<str:number>/annexes/<id:annex>/", views.annex, name="annex"),
]
