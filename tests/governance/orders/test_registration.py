"""Signing through the registration kit: keyed digests, key rotation, annexes, no orphan file."""

import hashlib
import hmac

import pgtrigger
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.utils import timezone
from wagtail.documents.models import Document

from documents import digests
from governance.orders import services
from governance.orders.canonical import canonical_content
from governance.orders.enums import OrderStatus
from governance.orders.models import Order, OrderAttachment, Series
from tests.governance.orders.factories import People, SeriesFactory, approved, personnel_series, published, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def with_annex(order, content=b"%PDF-1.4 annex"):
    OrderAttachment.objects.create(
        order=order, title_ky="Тиркеме", title_ru="Приложение", file=ContentFile(content, name="annex.pdf")
    )
    return order


def verify(people, order):
    return services.order_verify(order=Order.objects.get(pk=order.pk), actor=people.chairman)


def test_verify_stays_right_when_the_series_is_renamed(people):
    order = signed(people)

    series = Series.objects.get(pk=order.series_id)
    series.code, series.name_ky, series.name_ru = "renamed", "Жаңы аталыш", "Новое название"
    series.save()

    assert verify(people, order).ok
    stored = Order.objects.get(pk=order.pk)
    assert (stored.series_code, stored.series_name_ru) == ("main", "По основной деятельности")


@pytest.mark.parametrize(
    "forge",
    [
        lambda data: hashlib.sha256(data).hexdigest(),  # a plain SHA-256, as before the key
        lambda data: hmac.new(b"a guessed key", data, hashlib.sha256).hexdigest(),
    ],
    ids=["plain SHA-256", "another key"],
)
def test_verify_reports_a_digest_forged_without_the_key(people, forge):
    order = signed(people)
    assert verify(people, order).ok
    forged = Order.objects.get(pk=order.pk)
    forged.title_ru = "Подменённый заголовок"
    content = digests.canonical_json(canonical_content(forged))

    with pgtrigger.ignore():  # whoever can write the row, past the triggers
        Order.objects.filter(pk=order.pk).update(title_ru=forged.title_ru, content_sha256=forge(content))

    result = verify(people, order)
    assert not result.content_ok and not result.ok


def test_the_digests_are_keyed_and_the_key_rotates(people, settings):
    old_key = settings.RECORD_DIGEST_KEY
    order = signed(people)
    assert order.content_sha256 != hashlib.sha256(digests.canonical_json(canonical_content(order))).hexdigest()

    settings.RECORD_DIGEST_KEY, settings.RECORD_DIGEST_KEYS = "a-new-key-after-rotation", [old_key]
    newer = signed(people)

    assert newer.digest_key != order.digest_key
    assert verify(people, order).ok and verify(people, newer).ok
    settings.RECORD_DIGEST_KEYS = []  # the old key dropped too early: its records no longer verify
    assert not verify(people, order).ok
    assert verify(people, newer).ok


def test_an_annex_is_digested_at_signing_and_a_replaced_file_is_reported(people):
    order = services.order_sign(order=with_annex(approved(people)), actor=people.chairman)
    annex = order.attachments.get()
    assert annex.sha256 == hashlib.sha256(b"%PDF-1.4 annex").hexdigest()
    assert canonical_content(order)["attachments"][0]["sha256"] == annex.sha256
    assert verify(people, order).ok

    storage, name = annex.file.storage, annex.file.name
    storage.delete(name)
    storage.save(name, ContentFile(b"%PDF-1.4 another annex"))

    result = verify(people, order)
    assert (result.content_ok, result.file_ok, result.files_ok, result.ok) == (True, True, False, False)


def test_a_signing_that_fails_after_rendering_leaves_no_file(people):
    order = approved(people)
    year = timezone.localdate().year
    # A row already holds the number the counter gives next: the signing renders and stores the
    # file, then the database refuses the duplicate number and the transaction rolls back.
    Order.objects.bulk_create(
        [Order(series=SeriesFactory(), drafter=people.drafter, title_ky="Бар", year=year, number=1)]
    )
    before = default_storage.listdir(f"orders/{year}")[1] if default_storage.exists(f"orders/{year}") else []

    with pytest.raises(IntegrityError):
        services.order_sign(order=order, actor=people.chairman)

    after = default_storage.listdir(f"orders/{year}")[1] if default_storage.exists(f"orders/{year}") else []
    assert after == before
    assert Order.objects.get(pk=order.pk).status == OrderStatus.APPROVED


# Annexes are not public documents.


def test_an_annex_is_not_a_wagtail_document_and_is_served_only_to_who_may_read_the_order(client, people):
    order = services.order_sign(
        order=with_annex(approved(people, series=personnel_series()), b"personal data"), actor=people.chairman
    )
    annex = order.attachments.get()
    url = f"/admin/snippets/orders/order/annex/{annex.pk}/"

    assert not Document.objects.exists()
    assert client.get(url).status_code == 302  # to the login
    assert client.get(f"/ky/orders/{order.year}/{order.number_display}/annexes/{annex.pk}/").status_code == 404
    client.force_login(people.records)  # may read orders, not personnel orders
    refused = client.get(url)
    assert refused.status_code in (302, 403) and not refused.get("Content-Disposition")  # the admin's refusal
    client.force_login(people.hr)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"personal data"


def test_a_published_public_orders_annex_is_public(client, people):
    order = services.order_publish(
        order=services.order_sign(order=with_annex(approved(people)), actor=people.chairman), actor=people.records
    )
    annex = order.attachments.get()
    other = published(people)

    response = client.get(f"/ru/orders/{order.year}/{order.number_display}/annexes/{annex.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 annex"
    assert (
        client.get(f"/ru/orders/{other.year}/{other.number_display}/annexes/{annex.pk}/").status_code == 404
    )  # another order's annex
    assert (
        f"/ru/orders/{order.year}/{order.number_display}/annexes/{annex.pk}/"
        in client.get(f"/ru/orders/{order.year}/{order.number_display}/").content.decode()
    )
