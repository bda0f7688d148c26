import pytest

from governance.agency.demo import AGENCY
from governance.agency.models import AgencySettings

pytestmark = pytest.mark.django_db


def test_openapi_document_lists_the_agency_endpoint(client):
    response = client.get("/api/v1/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["info"]["version"] == "1"
    assert "/api/v1/agency/" in document["paths"]
    assert list(document["paths"]["/api/v1/agency/"]) == ["get"]  # read-only


def test_agency_endpoint_gives_both_languages(client):
    from wagtail.models import Site

    AgencySettings.objects.create(site=Site.objects.get(is_default_site=True), **AGENCY)

    data = client.get("/api/v1/agency/").json()

    assert data["full_name_ky"] == AGENCY["full_name_ky"]
    assert data["full_name_ru"] == AGENCY["full_name_ru"]


def test_the_api_refuses_to_write(client):
    assert client.post("/api/v1/agency/", {}).status_code == 405
