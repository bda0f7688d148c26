"""The public search: live pages in the reader's language; any query gets a normal page."""

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed(tree):
    section_ky, section_ru = tree["publications"]
    PublicationPageFactory(
        parent=section_ky, locale=section_ky.locale, title="Миграция мыйзамы", lead="Мыйзам түшүндүрмөсү"
    )
    PublicationPageFactory(
        parent=section_ru, locale=section_ru.locale, title="Закон о миграции", lead="Разъяснение закона"
    )
    draft = PublicationPageFactory(parent=section_ru, locale=section_ru.locale, title="Черновик о миграции")
    draft.unpublish()
    call_command("update_index", verbosity=0)
    return tree


@pytest.mark.parametrize(
    ("url", "found", "not_found"),
    [
        ("/ky/search/?q=миграция", ["Миграция мыйзамы"], ["Закон о миграции"]),
        ("/ru/search/?q=миграции", ["Закон о миграции"], ["Миграция мыйзамы", "Черновик о миграции"]),
        ("/ru/search/?q=бюллетень", ["Бюллетень № 7"], []),
    ],
)
def test_finds_live_pages_in_the_readers_language_only(client, indexed, url, found, not_found):
    response = client.get(url)

    assert response.status_code == 200
    results = strip_tags(response.content.decode().split('class="cards search-results"', 1)[-1])
    for title in found:
        assert title in results
    for title in not_found:
        assert title not in results


def test_results_show_kind_date_and_snippet(client, indexed):
    html = strip_tags(client.get("/ru/search/?q=закон").content.decode())

    assert "Новости" in html  # the kind of the publication
    assert "01.03.2026" in html  # its date
    assert "Разъяснение закона" in html  # its snippet
    assert "1 результат" in html


def test_results_are_paginated(client, tree):
    section_ky, _ = tree["publications"]
    for number in range(13):
        PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title=f"Кеңеш {number}")
    call_command("update_index", verbosity=0)

    first = client.get("/ky/search/?q=кеңеш").content.decode()
    second = client.get("/ky/search/?q=кеңеш&page=2").content.decode()

    assert first.count('class="card"') == 10
    assert second.count('class="card"') == 3
    assert 'href="?q=%D0%BA%D0%B5%D2%A3%D0%B5%D1%88&amp;page=2"' in first


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        '"',
        "'; DROP TABLE wagtailcore_page; --",
        "title:миграция AND OR NOT",
        "миграция*",
        "((((",
        "<script>alert(1)</script>",
        "%00",
        "\x00",
        "a" * 5000,
        "NEAR(миграция закон)",
        "-",
        "😀",
    ],
)
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_hostile_or_empty_query_gets_a_normal_page(client, indexed, query, language):
    response = client.get(f"/{language}/search/", {"q": query, "page": "x"})

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert "<script>alert(1)</script>" not in html
    assert 'name="robots" content="noindex"' in html


@pytest.mark.parametrize(
    "query",
    [
        "мигранттар",  # the plural of the title's word
        "мигранттарынын укуктары",  # two words, both inflected
        "мигрантка",  # the dative of the base form
        "укугу",  # к/г at the end of the stem
        "кенеш",  # ң typed as н
        "Мигранттарга кеңеш",  # as typed in the title
    ],
)
def test_kyrgyz_pages_are_found_by_any_inflected_form(client, tree, query):
    section_ky, section_ru = tree["publications"]
    PublicationPageFactory(
        parent=section_ky,
        locale=section_ky.locale,
        title="Мигранттарга кеңеш",
        lead="Мигранттын укуктары жана милдеттери",
    )
    PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title="Миграция мыйзамы", lead="Түшүндүрмө")
    PublicationPageFactory(parent=section_ru, locale=section_ru.locale, title="Мигранттарга кеңеш (ру)")
    call_command("update_index", verbosity=0)

    html = client.get("/ky/search/", {"q": query}).content.decode()
    results = strip_tags(html.split('class="cards search-results"', 1)[-1])

    assert "Мигранттарга кеңеш" in results
    assert "Миграция мыйзамы" not in results  # миграция and мигрант are different words
    assert "(ру)" not in results  # the Russian tree is not searched from the Kyrgyz one


def test_the_number_of_queries_does_not_grow_with_the_results(client, tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    section_ky, _ = tree["publications"]
    for number in range(2):
        PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title=f"Кеңеш {number}")
    call_command("update_index", verbosity=0)
    client.get("/ky/search/?q=кеңеш")  # the site's settings and paths, read once
    with CaptureQueriesContext(connection) as few:
        client.get("/ky/search/?q=кеңеш")
    for number in range(2, 12):
        PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title=f"Кеңеш {number}")
    call_command("update_index", verbosity=0)
    with CaptureQueriesContext(connection) as many:
        client.get("/ky/search/?q=кеңеш")

    assert len(many) == len(few)
