"""The dashboard's to-do list and the notices of the orders' workflow."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.users.models import UserProfile

from documents.models import Notice
from governance.orders import services
from tests.governance.orders.factories import People, approved, draft, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def dashboard(client, user, *, with_notices: bool = False) -> str:
    """The to-do list of ``user``'s dashboard (with the latest notices below it if asked)."""
    client.force_login(user)
    response = client.get("/admin/", follow=True)
    assert response.status_code == 200
    content = response.content.decode()
    return content if with_notices else content.split('class="desk-notices"')[0]


def test_the_approver_whose_turn_it_is_finds_the_order_on_his_desk(client, people):
    order = services.order_submit(order=draft(people), actor=people.drafter)

    assert order.title_ky in dashboard(client, people.lawyer)
    assert order.title_ky not in dashboard(client, people.secretary)  # not his turn yet

    services.order_approve(order=order, actor=people.lawyer)
    assert order.title_ky in dashboard(client, people.secretary)
    assert order.title_ky not in dashboard(client, people.lawyer)


def test_a_returned_draft_lands_back_on_the_drafters_desk(client, people):
    order = approved(people)
    assert order.title_ky not in dashboard(client, people.drafter)

    services.order_return(order=order, actor=people.chairman, comment="Орусча текстти тактаңыз.")

    assert order.title_ky in dashboard(client, people.drafter)
    assert "Орусча текстти тактаңыз." in dashboard(client, people.drafter, with_notices=True)
    services.order_submit(order=order, actor=people.drafter)
    assert order.title_ky not in dashboard(client, people.drafter)


def test_the_chairman_signs_and_the_records_office_publishes_from_their_desks(client, people):
    to_sign = approved(people)
    to_publish = signed(people, title_ky="Жарыялана турган буйрук")

    chairman = dashboard(client, people.chairman)
    assert to_sign.title_ky in chairman
    records = dashboard(client, people.records)
    assert to_publish.title_ky in records and to_sign.title_ky not in records
    assert "Жарыялана турган буйрук" not in dashboard(client, people.outsider)


def _dashboard_queries(client, people, count):
    for _n in range(count):
        services.order_submit(order=draft(people), actor=people.drafter)
    client.force_login(people.lawyer)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/admin/", follow=True).status_code == 200
    return len(queries)


def test_the_desk_runs_the_same_number_of_queries_for_2_and_12_orders(client, people):
    _dashboard_queries(client, people, 1)  # warm the caches of the first request
    assert _dashboard_queries(client, people, 1) == _dashboard_queries(client, people, 11)


def test_each_step_tells_the_next_person_in_their_language(people, django_capture_on_commit_callbacks):
    UserProfile.objects.update_or_create(user=people.secretary, defaults={"preferred_language": "ru"})
    with django_capture_on_commit_callbacks(execute=True):
        order = services.order_submit(order=draft(people), actor=people.drafter)
        services.order_approve(order=order, actor=people.lawyer)

    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects["lawyer@kyzmat.example"].endswith("сиздин макулдашууңузду күтүп турат.")
    assert subjects["secretary@kyzmat.example"].endswith("ожидает вашего согласования.")
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.order_approve(order=order, actor=people.secretary)
    assert [m.to for m in mail.outbox] == [["chairman@kyzmat.example"]]
    assert Notice.objects.filter(user=people.chairman).count() == 1
