"""Fragments: the header, the navigation and the footer that every page shows are rendered once per
language and read from the cache afterwards, with the page cache off; publishing, renaming or
unpublishing a section and changing the agency's settings show at the next render, in both
languages; the active section stays right on every page; no fragment holds a nonce, a CSRF token
or a preview."""

import pickle
import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from governance.agency.models import AgencySettings
from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

PAGES_KY = ["/ky/", "/ky/basylmalar/", "/ky/basylmalar/byulleten-7/", "/ky/jonundo/", "/ky/bailanysh/"]
PAGES_RU = ["/ru/", "/ru/izdaniya/", "/ru/izdaniya/byulleten-7/", "/ru/o-sluzhbe/", "/ru/kontakty/"]


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def navigation(page: str) -> str:
    return re.search(r'<ul class="site-nav__list">(.*?)</ul>', page, re.S).group(1)


def header(page: str) -> str:
    return re.search(r'<header class="site-header">(.*?)</header>', page, re.S).group(1)


def footer(page: str) -> str:
    return re.search(r'<footer class="site-footer">(.*?)</footer>', page, re.S).group(1)


def warm(client):
    for url in [*PAGES_KY, *PAGES_RU]:
        html(client, url)


def test_a_second_render_reads_the_agency_and_the_sections_from_the_cache(client, tree):
    html(client, "/ky/jonundo/")
    with CaptureQueriesContext(connection) as queries:
        page = html(client, "/ky/jonundo/")

    assert not [query for query in queries if "agency_agencysettings" in query["sql"]]
    assert not [query for query in queries if '"show_in_menus"' in query["sql"].partition(" WHERE ")[2]]
    assert "Мамлекеттик миграция кызматы" in header(page)
    assert "/ky/basylmalar/" in navigation(page)


def test_the_languages_never_mix(client, tree):
    warm(client)
    ky, ru = html(client, "/ky/jonundo/"), html(client, "/ru/o-sluzhbe/")

    assert "Мамлекеттик миграция кызматы" in header(ky) and "Государственная служба миграции" not in ky
    assert "Государственная служба миграции" in header(ru) and "Мамлекеттик миграция кызматы" not in ru
    assert "/ky/basylmalar/" in navigation(ky) and "/ru/" not in navigation(ky)
    assert "/ru/izdaniya/" in navigation(ru) and "/ky/" not in navigation(ru)
    assert "Бишкек шаары" in footer(ky) and "город Бишкек" in footer(ru)


def test_renaming_a_section_shows_in_the_navigation_of_every_page_in_both_languages(client, tree):
    warm(client)
    section_ky, section_ru = tree["publications"]
    section_ky.title = "Жарыялоолор"
    section_ky.save_revision().publish()
    section_ru.title = "Публикации"
    section_ru.save_revision().publish()

    for url in PAGES_KY:
        assert "Жарыялоолор" in navigation(html(client, url)), url
    for url in PAGES_RU:
        assert "Публикации" in navigation(html(client, url)), url


def test_a_section_published_or_unpublished_shows_or_leaves_the_navigation_at_once(client, tree, home_pages):
    warm(client)
    home_ky, _ = home_pages
    new = f.StandardPageFactory(parent=home_ky, locale=home_ky.locale, title="Жаңы бөлүм", slug="jany", live=False)
    new.save_revision().publish()

    assert "/ky/jany/" in navigation(html(client, "/ky/jonundo/"))

    about_ky, about_ru = tree["about"]
    about_ky.unpublish()
    about_ru.unpublish()

    assert "/ky/jonundo/" not in navigation(html(client, "/ky/basylmalar/"))
    assert "/ru/o-sluzhbe/" not in navigation(html(client, "/ru/izdaniya/"))


def test_changing_the_agencys_settings_shows_at_the_next_render_in_both_languages(client, tree, agency):
    warm(client)
    settings = AgencySettings.objects.get(pk=agency.pk)
    settings.short_name_ky = "Жаңы кызмат"
    settings.short_name_ru = "Новая служба"
    settings.address_ky = "Ош шаары"
    settings.save()

    for url in PAGES_KY:
        page = html(client, url)
        assert "Жаңы кызмат" in header(page) and "Ош шаары" in footer(page), url
        assert "<title>" in page and "Жаңы кызмат</title>" in page, url
    for url in PAGES_RU:
        assert "Новая служба" in header(html(client, url)), url


def test_the_active_section_is_marked_on_each_page_whatever_was_stored_first(client, tree):
    warm(client)
    section = navigation(html(client, "/ky/basylmalar/"))
    publication = navigation(html(client, "/ky/basylmalar/byulleten-7/"))
    about = navigation(html(client, "/ky/jonundo/"))
    home = navigation(html(client, "/ky/"))

    assert re.search(r'href="/ky/basylmalar/" aria-current="page"', section)
    assert re.search(r'href="/ky/basylmalar/" aria-current="true"', publication)
    assert re.search(r'href="/ky/jonundo/" aria-current="page"', about)
    assert 'href="/ky/basylmalar/" aria-current' not in about
    assert "aria-current" not in home


def stored_fragments() -> list[str]:
    store = caches["pages"]
    return [
        pickle.loads(value)  # noqa: S301 (the test's own memory cache)
        for key, value in store._cache.items()
        if ":fragment:" in key
    ]


def test_no_fragment_holds_a_nonce_or_a_csrf_token(client, tree):
    warm(client)
    for url in ["/ky/appeals/", "/ky/search/?q=жаңылык", "/ky/orders/", "/ky/structure/"]:
        client.get(url)

    fragments = stored_fragments()
    assert fragments
    assert not [fragment for fragment in fragments if "nonce" in fragment or "csrfmiddlewaretoken" in fragment]


def test_a_preview_neither_reads_nor_stores_fragments(client, tree, admin_user):
    warm(client)
    stored = len(stored_fragments())
    home_ky, _ = tree["home"]
    home_ky.intro = "<p>Алдын ала көрүү</p>"
    home_ky.save_revision()
    editor = Client()
    editor.force_login(admin_user)

    assert "Алдын ала көрүү" in editor.get(f"/admin/pages/{home_ky.pk}/view_draft/").content.decode()
    assert len(stored_fragments()) == stored
    assert "Алдын ала көрүү" not in html(client, "/ky/")


def test_fragments_can_be_turned_off(client, tree, agency, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    html(client, "/ky/jonundo/")
    AgencySettings.objects.filter(pk=agency.pk).update(short_name_ky="Жаңы кызмат")  # no signal, no purge

    assert "Жаңы кызмат" in header(html(client, "/ky/jonundo/"))


def test_a_section_put_behind_a_password_leaves_the_navigation_and_comes_back_when_freed(client, tree):
    warm(client)
    about_ky, _ = tree["about"]
    restriction = PageViewRestriction.objects.create(
        page=about_ky, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )

    assert "/ky/jonundo/" not in navigation(html(client, "/ky/basylmalar/"))

    restriction.delete()

    assert "/ky/jonundo/" in navigation(html(client, "/ky/basylmalar/"))
