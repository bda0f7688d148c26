import io

import pytest
from django.core.management import call_command
from docx import Document

from governance.orders.enums import OrderStatus
from governance.orders.models import Order

pytestmark = pytest.mark.django_db


def test_load_demo_adds_orders_in_every_state_and_publishes_some(client):
    call_command("load_demo")

    assert set(Order.objects.values_list("status", flat=True)) == set(OrderStatus.values)
    assert Order.objects.filter(signed_as_acting=True).exists()
    assert Order.objects.filter(amends__isnull=False).exists()
    published = Order.objects.public().first()
    registry = client.get("/ru/orders/").content.decode()
    assert published.title_ru in registry
    docx = client.get(f"/ky/orders/{published.pk}/docx/")
    assert docx.status_code == 200
    text = [p.text for p in Document(io.BytesIO(b"".join(docx.streaming_content))).paragraphs]
    assert published.title_ky in text and published.title_ru in text
