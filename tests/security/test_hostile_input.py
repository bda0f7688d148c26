"""Hostile query strings on public URLs get a page or a clear 400, never a server error."""

import pytest

from tests.governance.orders.factories import People, published

pytestmark = pytest.mark.django_db

BIG = "9" * 5000
HOSTILE = ['"', "\x00", "²", BIG, "9223372036854775808", "-1", "a:b OR", "NEAR(", "*", "'", "\\", "\r\n", "٣"]


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def order(people):
    return published(people)


def _answers(client, url, params, allowed=(200,)):
    """Each hostile value in each parameter: the status codes that were not ``allowed``."""
    wrong = {}
    for param in params:
        for value in HOSTILE:
            status = client.get(url, {param: value}).status_code
            if status not in allowed:
                wrong[(param, value[:20])] = status
    return wrong


def test_the_registry_survives_hostile_parameters(client, order):
    assert _answers(client, "/ky/orders/", ["q", "year", "date", "page"]) == {}


@pytest.mark.parametrize("value", ['"', "\x00", '"квартал', "квартал\x00"])
def test_search_text_with_quotes_and_nul_still_finds_the_order(client, order, value):
    word = order.title_ky.split()[0]
    response = client.get("/ky/orders/", {"q": value.replace("квартал", word)})
    assert response.status_code == 200
    if word in value.replace("квартал", word):
        assert order.title_ky in response.content.decode()


@pytest.mark.parametrize("value", ["²", BIG, "-5", "0"])
def test_a_year_that_is_not_a_year_is_ignored_with_a_message(client, order, value):
    response = client.get("/ky/orders/", {"year": value})
    assert response.status_code == 200
    assert order.title_ky in response.content.decode()


@pytest.mark.parametrize("url", ["/api/v1/orders/", "/api/v1/publications/"])
def test_the_api_refuses_out_of_range_paging_with_a_422_that_names_the_field(client, order, url):
    for param in ("limit", "offset"):
        for value in ("9223372036854775808", BIG, "-1", "²"):
            response = client.get(url, {param: value})
            assert response.status_code == 422, (param, value[:20], response.status_code)
            assert param in response.content.decode()


@pytest.mark.parametrize("url", ["/api/v1/orders/", "/api/v1/publications/"])
def test_the_api_pages_no_more_than_its_maximum(client, order, url):
    from governance.access.params import MAX_PAGE_SIZE

    assert client.get(url, {"limit": MAX_PAGE_SIZE}).status_code == 200
    assert client.get(url, {"limit": MAX_PAGE_SIZE + 1}).status_code in (400, 422)


def test_the_api_filters_never_fail(client, order, tree):
    assert _answers(client, "/api/v1/orders/", ["year", "q"], allowed=(200, 422)) == {}
    assert _answers(client, "/api/v1/publications/", ["year", "kind", "language"], allowed=(200, 422)) == {}


def test_a_news_section_survives_hostile_parameters(client, tree):
    assert _answers(client, tree["publications"][0].url, ["tag", "year", "kind", "page"]) == {}


@pytest.mark.postgresql
def test_a_nul_in_a_tag_is_no_error_on_postgresql(client, tree):
    assert client.get(tree["publications"][0].url, {"tag": "\x00"}).status_code == 200


def test_the_search_page_survives_hostile_parameters(client, tree):
    assert _answers(client, "/ky/search/", ["q", "page"]) == {}
    assert _answers(client, "/ru/search/", ["q", "page"]) == {}


def test_an_ignored_parameter_is_said_in_the_readers_language(client, order):
    ky = client.get("/ky/orders/", {"year": "²"}).content.decode()
    ru = client.get("/ru/orders/", {"year": "²"}).content.decode()
    assert 'class="notice"' in ky and 'class="notice"' in ru
    assert "²" in ky and "²" in ru


def test_an_id_too_large_for_the_database_is_a_404_or_a_422(client, order, tree):
    huge = "9223372036854775808"
    for url in (
        f"/ky/orders/{huge}/",
        f"/ky/orders/{huge}/docx/",
        f"/ru/no-translation/{huge}/",
        f"/ky/orders/{'9' * 5000}/",
    ):
        assert client.get(url).status_code == 404, url
    for url in (f"/api/v1/orders/{huge}/", f"/api/v1/publications/{huge}/", "/api/v1/orders/0/"):
        assert client.get(url).status_code == 422, url
    assert client.get(f"/ky/orders/{order.year}/{huge}/").status_code == 404
    assert client.get(f"/ky/orders/{huge}/{order.number_display}/").status_code == 404
    assert client.get(f"/ky/orders/{order.year}/{order.number_display}/").status_code == 200
