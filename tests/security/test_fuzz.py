"""Fuzzing with hypothesis: any text in the public query parameters gives no server error, and any
texts given to a service either become a saved draft or a ValidationError, nothing else."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.access import params
from governance.orders import services
from governance.orders.models import Order
from tests.governance.orders.factories import People, SeriesFactory, published

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=True,  # the same examples on every run: a failure is reproducible, CI is stable
)
# Any text, with what breaks parsers most: NUL and control characters, quotes, operators, digits
# of other scripts, surrogate-free Unicode, long runs.
ANY_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.sampled_from("\"'\x00\r\n\t*:()-+^~<>&|!{}[]\\/²٣%_ кыз"), max_size=60),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.just("9" * 5000),
)


@given(ANY_TEXT)
@FUZZ
def test_the_parsers_return_a_value_in_range_or_nothing(text):
    number = params.parse_int(text, minimum=1900, maximum=2999)
    assert number is None or 1900 <= number <= 2999
    day = params.parse_date(text)
    assert day is None or isinstance(day, datetime.date)
    words = params.clean_search(text)
    assert all(char.isalnum() or char == " " for char in words)
    assert len(params.clean_text(text)) <= params.MAX_TEXT_LENGTH
    assert not any(ord(char) < 32 for char in params.clean_text(text))


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def order(people):
    return published(people)


@given(param=st.sampled_from(["q", "year", "date", "page"]), value=ANY_TEXT, language=st.sampled_from(["ky", "ru"]))
@FUZZ
def test_the_registry_never_fails(client, order, param, value, language):
    assert client.get(f"/{language}/orders/", {param: value}).status_code == 200


@given(
    url=st.sampled_from(["/api/v1/orders/", "/api/v1/publications/"]),
    param=st.sampled_from(["limit", "offset", "year", "kind", "language"]),
    value=ANY_TEXT,
)
@FUZZ
def test_the_api_lists_never_fail(client, order, url, param, value):
    assert client.get(url, {param: value}).status_code in (200, 422)


@given(param=st.sampled_from(["q", "page"]), value=ANY_TEXT)
@FUZZ
def test_the_search_never_fails(client, tree, param, value):
    assert client.get("/ky/search/", {param: value}).status_code == 200


@given(param=st.sampled_from(["tag", "year", "kind", "page"]), value=ANY_TEXT)
@FUZZ
def test_a_news_section_never_fails(client, tree, param, value):
    assert client.get(tree["publications"][0].url, {param: value}).status_code == 200


@given(
    title_ky=ANY_TEXT,
    title_ru=ANY_TEXT,
    preamble_ky=ANY_TEXT,
    point=st.tuples(ANY_TEXT, ANY_TEXT),
    confidentiality=st.one_of(st.just("public"), ANY_TEXT),
)
@FUZZ
def test_a_draft_from_any_texts_is_saved_or_refused_with_a_validation_error(
    people, title_ky, title_ru, preamble_ky, point, confidentiality
):
    before = Order.objects.count()
    try:
        with transaction.atomic():
            order = services.order_create_draft(
                actor=people.drafter,
                series=SeriesFactory(),
                title_ky=title_ky,
                title_ru=title_ru,
                preamble_ky=preamble_ky,
                points=[point],
                confidentiality=confidentiality,
            )
    except ValidationError as error:
        assert error.messages  # a message to show, and nothing saved
        assert Order.objects.count() == before
    else:
        saved = Order.objects.get(pk=order.pk)
        assert (saved.title_ky, saved.title_ru) == (title_ky, title_ru)
