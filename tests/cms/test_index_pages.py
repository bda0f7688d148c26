"""Section index pages: filters by year, kind and tag, pagination, and a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(tree):
    section_ky, _ = tree["publications"]
    # Besides the bulletin of the tree: news of two years, a tagged legal-propaganda material.
    PublicationPageFactory(
        parent=section_ky, locale=section_ky.locale, title="Эски жаңылык", date=datetime.date(2025, 5, 1)
    )
    material = PublicationPageFactory(
        parent=section_ky, locale=section_ky.locale, title="Укук тууралуу", kind="legal_propaganda"
    )
    material.tags.add("укуктар")
    material.save_revision().publish()
    return section_ky


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("", ["Эски жаңылык", "Укук тууралуу", "Бюллетень № 7"], []),
        ("?year=2025", ["Эски жаңылык"], ["Укук тууралуу", "Бюллетень № 7"]),
        ("?kind=legal_propaganda", ["Укук тууралуу"], ["Эски жаңылык", "Бюллетень № 7"]),
        ("?kind=bulletin&year=2026", ["Бюллетень № 7"], ["Эски жаңылык", "Укук тууралуу"]),
        ("?tag=укуктар", ["Укук тууралуу"], ["Эски жаңылык", "Бюллетень № 7"]),
        # Values nobody offered are ignored, never an error.
        ("?year=abc&kind=nonsense&page=999", ["Эски жаңылык"], []),
        ("?year=99999", ["Эски жаңылык", "Укук тууралуу"], []),
    ],
)
def test_filters_by_year_kind_and_tag(client, section, query, shown, hidden):
    response = client.get("/ky/basylmalar/" + query)

    assert response.status_code == 200
    cards = response.content.decode().split('<ul class="cards">', 1)[-1]
    for title in shown:
        assert title in cards
    for title in hidden:
        assert title not in cards


def test_filters_offer_only_what_the_section_holds(client, section):
    html = client.get("/ky/basylmalar/").content.decode()

    assert '<option value="2025">2025</option>' in html
    assert '<option value="legal_propaganda">Укуктук пропаганда</option>' in html
    assert '<option value="journal">' not in html
    assert "укуктар</option>" in html


def test_paginates_ten_per_page_keeping_the_filters(client, tree):
    section_ky, _ = tree["publications"]
    for number in range(12):
        PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title=f"Кабар {number:02d}")

    first = client.get("/ky/basylmalar/?kind=news").content.decode()
    second = client.get("/ky/basylmalar/?kind=news&page=2").content.decode()

    assert first.count('class="card"') == 10
    assert second.count('class="card"') == 2
    assert 'href="?kind=news&amp;page=2"' in first
    assert '<span aria-current="page">2</span>' in second


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_index_page_makes_as_many_queries_for_300_publications_as_for_10(client, tree, no_page_cache):
    section_ky, _ = tree["publications"]

    def add(count, start):
        for number in range(start, start + count):
            page = PublicationPageFactory(
                parent=section_ky,
                locale=section_ky.locale,
                date=datetime.date(2000 + number % 20, 1 + number % 12, 1),
                kind=["news", "legal_propaganda", "announcement"][number % 3],
            )
            page.tags.add(f"тег {number % 7}")
            page.save()

    add(10, 0)
    client.get("/ky/basylmalar/")  # warm the site and settings caches
    small = queries_for(client, "/ky/basylmalar/?page=2")
    small_filtered = queries_for(client, "/ky/basylmalar/?kind=news&tag=тег-0")
    add(290, 10)
    large = queries_for(client, "/ky/basylmalar/?page=2")
    large_filtered = queries_for(client, "/ky/basylmalar/?kind=news&tag=тег-0")

    assert small == large
    assert small_filtered == large_filtered
    assert large <= 20
