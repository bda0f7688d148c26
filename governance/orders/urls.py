from django.urls import path

from governance.orders import views

app_name = "orders"

urlpatterns = [
    path("", views.registry, name="registry"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/docx/", views.docx, name="docx"),
    path("<int:pk>/pdf/", views.pdf_file, name="pdf"),
    path("<int:pk>/annexes/<int:annex>/", views.annex, name="annex"),
]
