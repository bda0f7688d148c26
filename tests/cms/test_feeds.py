"""RSS and Atom per language for bulletins and news; the sitemap lists both languages."""

import pytest
from lxml import etree as ET

from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def news(tree):
    section_ky, section_ru = tree["publications"]
    PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title="Кызматтын жаңылыгы")
    PublicationPageFactory(parent=section_ru, locale=section_ru.locale, title="Новость Службы")
    PublicationPageFactory(
        parent=section_ru, locale=section_ru.locale, title="Правовое разъяснение", kind="legal_propaganda"
    )
    return tree


def rss_titles(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]


def atom_titles(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return [entry.findtext(f"{ATOM}title") for entry in ET.fromstring(response.content).iter(f"{ATOM}entry")]


@pytest.mark.parametrize(
    ("url", "reader", "expected"),
    [
        ("/ky/feeds/news/rss/", rss_titles, ["Кызматтын жаңылыгы"]),
        ("/ru/feeds/news/rss/", rss_titles, ["Новость Службы"]),
        ("/ky/feeds/news/atom/", atom_titles, ["Кызматтын жаңылыгы"]),
        ("/ru/feeds/news/atom/", atom_titles, ["Новость Службы"]),
        ("/ky/feeds/bulletins/rss/", rss_titles, ["Бюллетень № 7"]),
        ("/ru/feeds/bulletins/atom/", atom_titles, ["Бюллетень № 7"]),
    ],
)
def test_feeds_carry_one_kind_in_one_language(client, news, url, reader, expected):
    assert reader(client, url) == expected


def test_feed_links_point_at_the_pages_and_the_title_names_the_agency(client, news):
    root = ET.fromstring(client.get("/ru/feeds/bulletins/rss/").content)

    assert root.findtext("channel/title") == "Бюллетени · Государственная служба миграции"
    assert root.findtext("channel/item/link") == "http://testserver/ru/izdaniya/byulleten-7/"


@pytest.mark.parametrize("url", ["/ky/feeds/orders/rss/", "/ru/feeds/news/json/"])
def test_unknown_feeds_are_not_found(client, tree, url):
    assert client.get(url).status_code == 404


def test_pages_announce_their_feeds(client, tree):
    html = client.get("/ru/").content.decode()

    assert '<link rel="alternate" type="application/rss+xml" title="Новости (RSS)" href="/ru/feeds/news/rss/">' in html
    assert 'type="application/atom+xml" title="Бюллетени (Atom)" href="/ru/feeds/bulletins/atom/"' in html


def test_sitemap_lists_live_pages_in_both_languages(client, tree, site):
    _, about_ru = tree["about"]
    about_ru.unpublish()

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    locations = {
        loc.text for loc in ET.fromstring(response.content).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    }
    root = site.root_url  # full URLs come from the Wagtail site record
    assert {
        f"{root}/ky/",
        f"{root}/ru/",
        f"{root}/ky/basylmalar/byulleten-7/",
        f"{root}/ru/izdaniya/byulleten-7/",
        f"{root}/ky/aktylar/tartip/",
        f"{root}/ru/akty/poryadok/",
        f"{root}/ky/jonundo/",
    } <= locations
    assert f"{root}/ru/o-sluzhbe/" not in locations
