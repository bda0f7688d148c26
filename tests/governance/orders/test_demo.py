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
    docx = client.get(f"/ky/orders/{published.year}/{published.number_display}/docx/")
    assert docx.status_code == 200
    text = [p.text for p in Document(io.BytesIO(b"".join(docx.streaming_content))).paragraphs]
    assert published.title_ky in text and published.title_ru in text


def test_every_demo_order_shows_in_the_admin_and_every_public_one_on_the_site(client):
    from django.contrib.auth import get_user_model

    call_command("load_demo")
    client.force_login(get_user_model().objects.get(username="admin"))

    for order in Order.objects.all():
        page = client.get(f"/admin/snippets/orders/order/inspect/{order.pk}/")
        assert page.status_code == 200, order
        assert order.title_ru in page.content.decode()
    for order in Order.objects.public():
        assert client.get(f"/ru/orders/{order.year}/{order.number_display}/").status_code == 200, order
    suspended = Order.objects.get(status=OrderStatus.SUSPENDED)
    assert (
        suspended.actions_received.get().reason_ky
        in client.get(f"/ky/orders/{suspended.year}/{suspended.number_display}/").content.decode()
    )
    assert client.get("/admin/").status_code == 200


def test_the_demo_annexes_are_digested_and_the_personnel_one_stays_private(client):
    from governance.orders.models import OrderAttachment

    call_command("load_demo")

    annexes = OrderAttachment.objects.select_related("order")
    assert annexes.count() == 2 and all(len(annex.sha256) == 64 for annex in annexes)
    public = annexes.get(order__confidentiality="public")
    personnel = annexes.get(order__confidentiality="personnel")
    assert (
        client.get(f"/ru/orders/{public.order.year}/{public.order.number_display}/annexes/{public.pk}/").status_code
        == 200
    )
    assert (
        client.get(
            f"/ru/orders/{personnel.order.year}/{personnel.order.number_display}/annexes/{personnel.pk}/"
        ).status_code
        == 404
    )
