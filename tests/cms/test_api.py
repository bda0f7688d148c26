"""The read-only open-data API for publications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_the_publication_endpoints_read_only(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]

    assert list(paths["/api/v1/publications/"]) == ["get"]
    assert list(paths["/api/v1/publications/{publication_id}/"]) == ["get"]


def test_lists_live_publications_in_both_languages_with_filters(client, tree):
    _, section_ru = tree["publications"]
    PublicationPageFactory(parent=section_ru, locale=section_ru.locale, title="Новость", kind="news")
    draft = PublicationPageFactory(parent=section_ru, locale=section_ru.locale, title="Черновик")
    draft.unpublish()

    everything = client.get("/api/v1/publications/").json()
    russian_bulletins = client.get("/api/v1/publications/", {"language": "ru", "kind": "bulletin"}).json()

    assert everything["count"] == 3
    assert {item["title"] for item in everything["items"]} == {"Бюллетень № 7", "Новость"}
    assert "Черновик" not in str(everything)
    assert russian_bulletins["count"] == 1
    bulletin = russian_bulletins["items"][0]
    assert bulletin["language"] == "ru"
    assert bulletin["issue_number"] == "7"
    assert bulletin["period_start"] == "2026-01-01"
    assert bulletin["url"].endswith("/ru/izdaniya/byulleten-7/")


def test_publication_detail_has_its_body_and_tags(client, tree):
    bulletin_ky, bulletin_ru = tree["bulletin"]
    bulletin_ky.tags.add("отчет")
    bulletin_ky.save_revision().publish()

    data = client.get(f"/api/v1/publications/{bulletin_ky.pk}/").json()

    assert data["title"] == bulletin_ky.title
    assert data["tags"] == ["отчет"]
    assert data["body"][0]["type"] == "text"
    assert data["translation_key"] == str(bulletin_ru.translation_key)


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/api/v1/publications/?language=en", 422),
        ("/api/v1/publications/?kind=orders", 422),
        ("/api/v1/publications/999999/", 404),
    ],
)
def test_bad_requests_get_clear_errors(client, tree, url, status):
    assert client.get(url).status_code == status


def test_list_makes_as_many_queries_for_many_publications_as_for_few(client, tree):
    section_ky, _ = tree["publications"]

    def count() -> int:
        client.get("/api/v1/publications/?limit=50")  # warm the site-root cache that saving pages clears
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/v1/publications/?limit=50")
        return len(queries)

    few = count()
    for _ in range(30):
        PublicationPageFactory(parent=section_ky, locale=section_ky.locale)
    assert count() == few
