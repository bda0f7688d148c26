import datetime
import io

import pgtrigger
import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from docx import Document

from documents.docx import pdf
from governance.access import policy
from governance.orders import services
from governance.orders.enums import Confidentiality, OrderStatus
from governance.orders.models import Order
from tests.governance.orders.factories import People, SeriesFactory, personnel_series, published, signed

pytestmark = pytest.mark.django_db

REGISTRY = "/ky/orders/"


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def hidden(people):
    """Orders that must never be public: internal, personnel (even if wrongly marked published), unpublished."""
    internal = signed(
        people,
        confidentiality=Confidentiality.INTERNAL,
        title_ky="Ички тартип жөнүндө",
        title_ru="О внутреннем порядке",
    )
    personnel = signed(
        people, series=personnel_series(), title_ky="Кызматкерди дайындоо жөнүндө", title_ru="О назначении сотрудника"
    )
    with pgtrigger.ignore():  # behind the services and the database's triggers
        Order.objects.filter(pk=personnel.pk).update(published_at=timezone.now(), status=OrderStatus.PUBLISHED)
    unpublished = signed(people, title_ky="Жарыялана элек буйрук", title_ru="Ещё не опубликованный приказ")
    return [internal, personnel, unpublished]


def test_the_registry_lists_published_public_orders_only(client, people, hidden):
    order = published(people)

    for language, title in (("ky", order.title_ky), ("ru", order.title_ru)):
        content = client.get(f"/{language}/orders/").content.decode()
        assert title in content
        for other in hidden:
            assert other.title_ky not in content and other.title_ru not in content
    for other in hidden:
        assert client.get(f"/ky/orders/{other.year}/{other.number_display}/").status_code == 404
        assert client.get(f"/ky/orders/{other.year}/{other.number_display}/docx/").status_code == 404
        assert client.get(f"/api/v1/orders/{other.pk}/").status_code in (302, 404)  # 302: to the i18n 404


def test_search_finds_orders_in_either_language_and_never_a_hidden_one(client, people, hidden):
    order = published(people)

    assert order.title_ky in client.get(REGISTRY, {"q": "кеңеш"}).content.decode()
    assert order.title_ky in client.get(REGISTRY, {"q": "консультирования"}).content.decode()
    assert order.title_ky not in client.get(REGISTRY, {"q": "бюджет"}).content.decode()
    filtered = {"q": "кеңеш", "year": order.year, "date": timezone.localdate().isoformat()}
    assert order.title_ky in client.get(REGISTRY, filtered).content.decode()
    for query in ("дайындоо", "назначении", "Ички", "опубликованный"):
        content = client.get(REGISTRY, {"q": query}).content.decode()
        assert all(other.title_ky not in content for other in hidden), query


@pytest.mark.parametrize("query", ["мигранттын", "мигранттарга кеңештер", "мигрант", "кенеш берууну", "Эмгек"])
def test_search_finds_a_kyrgyz_title_by_any_inflected_form_and_never_a_hidden_one(client, people, hidden, query):
    order = published(people)  # "Эмгек мигранттарына кеңеш берүүнү уюштуруу жөнүндө"

    assert order.title_ky in client.get(REGISTRY, {"q": query}).content.decode()
    for other_query in ("кызматкерлер", "дайындоолордун", "тартибинин"):
        content = client.get(REGISTRY, {"q": other_query}).content.decode()
        assert all(other.title_ky not in content for other in hidden), other_query
        assert order.title_ky not in content


def test_the_registry_filters_by_year_and_by_the_date_in_force(client, people):
    order = published(people)
    cancelled = published(people, title_ky="Жокко чыгарылган буйрук", title_ru="Отменённый приказ")
    services.order_cancel(
        order=cancelled,
        by_order=signed(people, amends=[cancelled]),
        reason_ky="Күчүн жоготту.",
        reason_ru="Күчүн жоготту.",
        actor=people.chairman,
    )
    with pgtrigger.ignore():  # an order of another year, without waiting for one
        Order.objects.filter(pk=cancelled.pk).update(year=2020)

    this_year = client.get(REGISTRY, {"year": order.year}).content.decode()
    assert order.title_ky in this_year and cancelled.title_ky not in this_year
    today = client.get(REGISTRY, {"date": timezone.localdate().isoformat()}).content.decode()
    assert order.title_ky in today and cancelled.title_ky not in today
    assert client.get(REGISTRY, {"year": "x", "date": "not a date"}).status_code == 200


def test_an_order_page_offers_its_docx_in_both_languages(client, people):
    order = published(people)

    page = client.get(f"/ru/orders/{order.year}/{order.number_display}/").content.decode()
    assert order.title_ru in page and "Контроль за исполнением" in page
    response = client.get(f"/ru/orders/{order.year}/{order.number_display}/docx/")
    assert response.status_code == 200
    document = Document(io.BytesIO(b"".join(response.streaming_content)))
    text = [p.text for p in document.paragraphs]
    assert order.title_ky in text and order.title_ru in text


@pytest.mark.skipif(not pdf.available(), reason="needs LibreOffice")
def test_the_pdf_is_offered_where_libreoffice_is_installed(client, people):
    order = published(people)

    response = client.get(f"/ky/orders/{order.year}/{order.number_display}/pdf/")

    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def _registry_queries(client, people, count):
    series = SeriesFactory()
    today = timezone.localdate()
    existing = Order.objects.count()
    Order.objects.bulk_create(
        Order(
            series=series,
            drafter=people.drafter,
            title_ky=f"Буйрук {n}",
            title_ru=f"Приказ {n}",
            status=OrderStatus.PUBLISHED,
            confidentiality=Confidentiality.PUBLIC,
            year=today.year,
            number=n + 1000,
            number_display=str(n + 1000),
            signed_on=today,
            effective_from=today - datetime.timedelta(days=1),
            published_at=timezone.now(),
        )
        for n in range(existing, count)
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(REGISTRY, {"year": today.year, "date": today.isoformat()})
    assert response.status_code == 200
    assert response.content.decode().count("orders-list__title") == min(count, 20)
    return len(queries)


def test_the_registry_runs_the_same_number_of_queries_for_10_and_200_orders(client, people, no_page_cache, settings):
    """10 rows against a full page of 20 out of 200: no query per row."""
    # The header and footer fragments are shared by every test in the process: rendered every
    # time here, so that only the rows can make a difference.
    settings.FRAGMENT_CACHE_SECONDS = 0
    _registry_queries(client, people, 1)

    assert _registry_queries(client, people, 10) == _registry_queries(client, people, 200)


def test_the_open_data_api_gives_published_public_orders_with_both_texts(client, people, hidden):
    order = published(people)

    listing = client.get("/api/v1/orders/").json()
    assert [item["id"] for item in listing["items"]] == [order.pk]
    detail = client.get(f"/api/v1/orders/{order.pk}/").json()
    assert (detail["title_ky"], detail["title_ru"], detail["number"]) == (
        order.title_ky,
        order.title_ru,
        order.number_display,
    )
    assert detail["points"][0]["text_ru"].startswith("Открыть телефон доверия")
    assert detail["content_sha256"] == order.content_sha256
    assert client.post("/api/v1/orders/", {}).status_code == 405


def test_the_policy_lets_anyone_read_a_published_public_order_and_nothing_more(people, hidden):
    order = published(people)
    anonymous = AnonymousUser()

    assert policy.can(anonymous, "orders.read_published", order)
    assert not any(policy.can(anonymous, "orders.read_published", other) for other in hidden)
    assert not policy.can(anonymous, "orders.view_order", order)  # the admin's rule stays closed
    assert list(policy.visible(anonymous, "orders.read_published", Order.objects.all())) == [order]
    assert list(policy.visible(people.chairman, "orders.read_published", Order.objects.all())) == [order]


def path(order, view="", language="ky"):
    return f"/{language}/orders/{order.year}/{order.number_display}/{view}"


def test_an_order_lives_at_its_year_and_number_and_its_first_address_redirects(client, people, hidden):
    order = published(people)

    assert client.get(path(order)).status_code == 200
    assert path(order) in client.get(REGISTRY).content.decode()
    for old, new in (
        (f"/ru/orders/{order.pk}/", path(order, language="ru")),
        (f"/ky/orders/{order.pk}/docx/", path(order, "docx/")),
    ):
        moved = client.get(old)
        assert (moved.status_code, moved["Location"]) == (301, new)
    for other in hidden:  # a secret order's first address does not redirect, nor tell its number
        assert client.get(f"/ky/orders/{other.pk}/").status_code == 404
    assert client.get(f"/ky/orders/{order.year}/{order.number_display}0/").status_code == 404
    assert client.get(f"/ky/orders/1066/{order.number_display}/").status_code == 404
    assert client.get(f"/ky/orders/99999/{order.number_display}/").status_code == 404  # not a year: no match


def test_the_order_page_names_no_internal_order_and_no_reason_of_one(client, people):
    public = published(people)
    internal = signed(people, confidentiality=Confidentiality.INTERNAL, amends=[public])
    services.order_cancel(
        order=public, by_order=internal, reason_ky="Ички себеп", reason_ru="Внутренняя причина", actor=people.chairman
    )

    for language in ("ky", "ru"):
        page = client.get(path(public, language=language)).content.decode()
        assert f"№ {internal.number_display} " not in page and f">№ {internal.number_display}<" not in page
        assert "Ички себеп" not in page and "Внутренняя причина" not in page
    assert "Отменён" in client.get(path(public, language="ru")).content.decode()  # the status still says so
    links = client.get(f"/api/v1/orders/{public.pk}/").json()["suspended_resumed_or_cancelled_by"]
    assert links == []


def test_links_read_the_right_way_with_the_reason_in_the_readers_language(client, people):
    cancelled = published(people)
    cancelling = published(people, amends=[cancelled])
    services.order_cancel(
        order=cancelled, by_order=cancelling, reason_ky="Күчүн жоготту", reason_ru="Утратил силу", actor=people.chairman
    )
    number = f"№ {cancelling.number_display} от {cancelling.signed_on:%d.%m.%Y}"

    on_cancelled = client.get(path(cancelled, language="ru")).content.decode()
    assert "Отменён приказом" in on_cancelled and number in on_cancelled
    assert "Утратил силу" in on_cancelled and "Күчүн жоготту" not in on_cancelled
    assert "Отменяет" not in on_cancelled
    on_cancelling = client.get(path(cancelling, language="ru")).content.decode()
    assert "Отменяет приказ" in on_cancelling and "Отменён приказом" not in on_cancelling
    assert "Вносит изменения" not in on_cancelling  # the same link is not told twice
    on_cancelled_ky = client.get(path(cancelled)).content.decode()
    assert "буйругу менен жокко чыгарылган" in on_cancelled_ky
    assert "Күчүн жоготту" in on_cancelled_ky and "Утратил силу" not in on_cancelled_ky
    api = client.get(f"/api/v1/orders/{cancelled.pk}/").json()["suspended_resumed_or_cancelled_by"]
    assert api == [
        {
            "kind": "cancels",
            "order_number": cancelling.number_display,
            "order_year": cancelling.year,
            "reason_ky": "Күчүн жоготту",
            "reason_ru": "Утратил силу",
        }
    ]


def test_the_order_page_shows_the_signer_and_capitalised_labels(client, people):
    order = published(people)
    acting = published(people, title_ky="Убактылуу", title_ru="Временный")
    with pgtrigger.ignore():  # as if the deputy had signed it while acting for the chairman
        Order.objects.filter(pk=acting.pk).update(signed_by=people.deputy, signed_as_acting=True)

    page = client.get(path(order, language="ru")).content.decode()
    assert "Председатель: Азамат Токтосунов" in page
    assert "<dt>Статус</dt>" in page and "<dt>Серия</dt>" in page and "<dt>Вступает в силу</dt>" in page
    page = client.get(path(acting)).content.decode()
    assert "Төраганын милдетин аткаруучу: Гүлнара Абдыкадырова" in page
