"""The page cache: anonymous readers get stored pages; a change is seen at the next request, in both
languages; signed-in users, previews, pages behind a password and pages with a CSRF token are never
served from it nor stored in it."""

import pytest
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.http import HttpResponse
from django.test import Client, RequestFactory
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import PageViewRestriction

from cms import cache
from governance.agency.models import AgencySettings
from governance.orders import services
from governance.orders.enums import OrderStatus
from tests import factories as f
from tests.governance.orders.factories import People, published, signed

pytestmark = pytest.mark.django_db


def state(client, url, **kwargs) -> str:
    response = client.get(url, **kwargs)
    assert response.status_code == 200, url
    return response.get(cache.HEADER, "")


def text(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def warm(client, urls):
    for url in urls:
        client.get(url)
        assert state(client, url) == "hit", url


def test_an_anonymous_reader_gets_the_stored_page_without_a_query(client, tree, django_assert_num_queries):
    assert state(client, "/ky/basylmalar/") == "miss"
    with django_assert_num_queries(0):
        assert state(client, "/ky/basylmalar/") == "hit"


@pytest.mark.parametrize(
    "url",
    [
        "/ky/",
        "/ru/izdaniya/",
        "/ky/basylmalar/byulleten-7/",
        "/ky/ish-charalar/",
        "/ru/meropriyatiya/seminar/",
        "/ky/aktylar/",
        "/ky/aktylar/tartip/",
        "/ky/jonundo/",
        "/ru/kontakty/",
        "/ky/feeds/news/rss/",
        "/ru/feeds/bulletins/atom/",
        "/sitemap.xml",
    ],
)
def test_every_public_page_type_is_stored_for_anonymous_readers(client, tree, url):
    assert state(client, url) == "miss"
    assert state(client, url) == "hit"


def test_an_events_calendar_file_is_not_stored(client, tree):
    assert state(client, "/ky/ish-charalar/seminar/ics/") == "skip"


def test_languages_and_query_strings_never_mix(client, tree):
    assert "Басылмалар" not in text(client, "/ru/izdaniya/")
    warm(client, ["/ky/basylmalar/", "/ru/izdaniya/"])

    assert state(client, "/ky/basylmalar/?kind=news") == "miss"
    assert state(client, "/ky/basylmalar/?kind=bulletin") == "miss"
    assert 'lang="ru"' in text(client, "/ru/izdaniya/")
    assert '<html lang="ky">' in text(client, "/ky/basylmalar/")


PUBLIC_URLS = [
    "/ky/",
    "/ky/basylmalar/",
    "/ky/basylmalar/byulleten-7/",
    "/ky/feeds/bulletins/rss/",
    "/ky/feeds/bulletins/atom/",
    "/ru/",
    "/ru/izdaniya/",
    "/ru/izdaniya/byulleten-7/",
    "/ru/feeds/bulletins/rss/",
    "/sitemap.xml",
]


def test_publishing_a_change_shows_on_every_page_that_shows_it_in_both_languages(client, tree):
    bulletin_ky, bulletin_ru = tree["bulletin"]
    warm(client, PUBLIC_URLS)

    bulletin_ky.title = "Бюллетень № 7: жаңы аталыш"
    bulletin_ky.save_revision().publish()
    bulletin_ru.title = "Бюллетень № 7: новое название"
    bulletin_ru.save_revision().publish()

    for url in PUBLIC_URLS[:5]:
        assert "жаңы аталыш" in text(client, url), url
    for url in PUBLIC_URLS[5:9]:
        assert "новое название" in text(client, url), url


def test_a_new_publication_shows_in_its_section_home_and_feeds(client, tree):
    section_ky, _ = tree["publications"]
    warm(client, PUBLIC_URLS)
    page = f.PublicationPageFactory.build(
        title="Жаңы бюллетень", slug="jany", kind="bulletin", issue_number="8", live=False
    )
    page.period_start = page.period_end = page.date
    section_ky.add_child(instance=page)

    page.save_revision().publish()

    for url in ["/ky/", "/ky/basylmalar/", "/ky/feeds/bulletins/rss/"]:
        assert "Жаңы бюллетень" in text(client, url), url
    assert "/ky/basylmalar/jany/" in text(client, "/sitemap.xml")


def test_unpublishing_removes_the_page_and_its_mentions(client, tree):
    bulletin_ky, _ = tree["bulletin"]
    warm(client, PUBLIC_URLS)

    bulletin_ky.unpublish()

    assert client.get("/ky/basylmalar/byulleten-7/").status_code == 404
    for url in ["/ky/", "/ky/basylmalar/", "/ky/feeds/bulletins/rss/"]:
        assert "Бюллетень № 7" not in text(client, url), url
    # the Russian page's language switcher now leads to the notice
    assert f"/ky/no-translation/{tree['bulletin'][1].pk}/" in text(client, "/ru/izdaniya/byulleten-7/")


def test_moving_a_page_purges_its_old_address_and_both_sections(client, tree, home_pages):
    bulletin_ky, _ = tree["bulletin"]
    home_ky, _ = home_pages
    other = f.PublicationIndexPageFactory(parent=home_ky, locale=home_ky.locale, slug="arhiv", title="Архив")
    warm(client, [*PUBLIC_URLS, "/ky/arhiv/"])

    bulletin_ky.move(other, pos="last-child")

    old = client.get("/ky/basylmalar/byulleten-7/")
    assert old.status_code == 301 and old["Location"] == "/ky/arhiv/byulleten-7/"  # Wagtail's redirect
    assert "Бюллетень № 7" not in text(client, "/ky/basylmalar/")
    assert "Бюллетень № 7" in text(client, "/ky/arhiv/")
    assert "/ky/arhiv/byulleten-7/" in text(client, "/ru/izdaniya/byulleten-7/")


def test_renaming_the_agency_shows_on_every_page(client, tree, agency):
    warm(client, PUBLIC_URLS)
    settings = AgencySettings.objects.get(pk=agency.pk)
    settings.short_name_ky = "Жаңы кызмат"
    settings.save()

    assert "Жаңы кызмат" in text(client, "/ky/basylmalar/byulleten-7/")


@pytest.fixture
def people(roles):
    return People()


def registry_and_page(order) -> list[str]:
    return [
        "/ky/orders/",
        "/ru/orders/",
        f"/ky/orders/{order.year}/{order.number_display}/",
        f"/ru/orders/{order.year}/{order.number_display}/",
    ]


def status_label(status, language) -> str:
    with translation.override(language):
        return capfirst(str(status.label))


def test_publishing_an_order_shows_it_in_the_registry_in_both_languages(client, people, home_pages):
    first = published(people, title_ky="Биринчи буйрук", title_ru="Первый приказ")
    warm(client, registry_and_page(first))

    published(people, title_ky="Экинчи буйрук", title_ru="Второй приказ")

    assert "Экинчи буйрук" in text(client, "/ky/orders/")
    assert "Второй приказ" in text(client, "/ru/orders/")


@pytest.mark.parametrize(
    ("service", "status"),
    [(services.order_suspend, OrderStatus.SUSPENDED), (services.order_cancel, OrderStatus.CANCELLED)],
)
def test_suspending_or_cancelling_an_order_shows_at_once_in_both_languages(client, people, home_pages, service, status):
    order = published(people)
    urls = registry_and_page(order)
    warm(client, urls)

    service(
        order=order,
        by_order=signed(people, amends=[order]),
        reason_ky="Себеп",
        reason_ru="Причина",
        actor=people.chairman,
    )

    assert status_label(status, "ky") in text(client, urls[2])
    assert status_label(status, "ru") in text(client, urls[3])


def test_a_signed_in_user_is_never_served_from_nor_stored_in_the_cache(client, tree, admin_user):
    warm(client, ["/ky/basylmalar/"])
    client.force_login(admin_user)
    response = client.get("/ky/basylmalar/")
    assert cache.HEADER not in response  # rendered for the user, past the cache
    assert state(client, "/ky/ish-charalar/") == ""

    client.logout()
    assert state(Client(), "/ky/ish-charalar/") == "miss"  # the signed-in user's page was not kept


def test_a_preview_is_never_stored(client, tree, admin_user):
    bulletin_ky, _ = tree["bulletin"]
    bulletin_ky.title = "Жарыялана элек аталыш"
    bulletin_ky.save_revision()
    admin = Client()
    admin.force_login(admin_user)
    assert "Жарыялана элек аталыш" in admin.get(f"/admin/pages/{bulletin_ky.pk}/view_draft/").content.decode()

    assert state(client, "/ky/basylmalar/byulleten-7/") == "miss"
    assert "Жарыялана элек аталыш" not in text(client, "/ky/basylmalar/byulleten-7/")


def test_a_page_behind_a_password_is_never_stored_nor_served_from_the_cache(client, tree):
    about_ky, _ = tree["about"]
    PageViewRestriction.objects.create(page=about_ky, restriction_type="password", password="сыр")
    url = "/ky/jonundo/"
    assert state(client, url) == "skip"
    form = client.get(url)
    assert form.get(cache.HEADER) == "skip"

    client.post(form.context["action_url"], {"password": "сыр", "return_url": url})
    page = client.get(url)
    assert "Кызмат тууралуу" in page.content.decode() and cache.HEADER not in page

    stranger = Client()
    assert "Кызмат тууралуу" not in text(stranger, url)
    assert stranger.get(url).get(cache.HEADER) == "skip"


def test_a_page_with_a_csrf_token_is_never_stored(client, tree):
    response = client.get("/ky/appeals/")
    assert response.status_code == 200 and "csrfmiddlewaretoken" in response.content.decode()
    assert response[cache.HEADER] == "skip"
    assert Client().get("/ky/appeals/")[cache.HEADER] == "skip"


def test_a_response_with_a_message_or_a_token_is_never_stored(rf: RequestFactory):
    request = rf.get("/ky/")
    request.session = {}
    request._messages = FallbackStorage(request)
    response = HttpResponse("page")
    response["Cache-Control"] = "public, max-age=300"
    assert cache.may_store(request, response)

    request._messages.add(20, "Жөнөтүлдү")
    assert not cache.may_store(request, response)
    list(get_messages(request))  # shown on the page
    assert not cache.may_store(request, response)

    fresh = rf.get("/ky/")
    assert not cache.may_store(fresh, HttpResponse('<input name="csrfmiddlewaretoken">', headers=response.headers))


def test_search_and_the_api_are_never_stored(client, tree):
    assert state(client, "/ky/search/?q=бюллетень") == "skip"
    assert state(client, "/ky/search/?q=бюллетень") == "skip"
    assert state(client, "/api/v1/publications/") == ""


def test_the_page_cache_can_be_turned_off(client, tree, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/ky/")
    assert state(client, "/ky/") == ""
