import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from governance.access.people import PersonChoiceField, person_label
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_person_reads_as_name_and_post_in_the_readers_language(roles):
    user = UserFactory(username="azamat", first_name="Азамат", last_name="Токтосунов", roles=["chairman"])
    nameless = UserFactory(username="guest")

    with translation.override("ky"):
        assert person_label(user) == "Азамат Токтосунов — Төрага"
    with translation.override("ru"):
        assert person_label(user) == "Азамат Токтосунов — Председатель"
    assert person_label(nameless) == "guest"


def test_a_choice_of_people_costs_the_same_queries_for_3_and_30_people(roles):
    def labels(count):
        for n in range(count):
            UserFactory(username=f"p{n}", first_name="Айбек", last_name=f"Уулу {n}", roles=["editor", "moderator"])
        field = PersonChoiceField()
        with CaptureQueriesContext(connection) as queries:
            choices = [label for _value, label in field.choices]
        return len(queries), choices

    few, _few = labels(3)
    many, many_labels = labels(27)
    assert few == many
    assert "Айбек Уулу 0 — Модератор, Редактор" in many_labels


def test_the_orders_approval_sheet_offers_people_by_name_and_post(client, roles):
    drafter = UserFactory(username="drafter", roles=["head_of_subdivision"])
    UserFactory(username="state_secretary", first_name="Бакыт", last_name="Жумабеков", roles=["state_secretary"])
    client.force_login(drafter)

    form = client.get("/admin/snippets/orders/order/add/").content.decode()

    assert "Бакыт Жумабеков — Статс-катчы" in form
    assert ">state_secretary<" not in form
