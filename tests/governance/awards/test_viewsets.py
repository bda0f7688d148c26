"""The awards' admin screens for each role: lists and their filters, the chairman's buttons, the
order drafted by HR, the certificate, the submission and the report."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document

from governance.access.objects import grant
from governance.awards.enums import NominationStatus
from governance.awards.models import Award, Nomination
from tests.factories import SubdivisionFactory, UserFactory
from tests.governance.awards.factories import Awards
from tests.governance.orders.factories import People
from tests.governance.staff.factories import EmployeeFactory, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def awards(people):
    return Awards(people)


def test_the_chairman_approves_from_the_inspect_page_and_hr_drafts_the_order(client, awards, people):
    nomination = awards.propose(EmployeeFactory(full_name_ky="Асель Бекова"))
    client.force_login(people.hr)
    page = client.get(f"/admin/snippets/awards/nomination/inspect/{nomination.pk}/").content.decode()
    assert "Асель Бекова" in page and 'data-action="approve"' not in page

    client.force_login(people.chairman)
    page = client.get(f"/admin/snippets/awards/nomination/inspect/{nomination.pk}/").content.decode()
    assert 'data-action="approve"' in page and 'data-action="reject"' in page
    client.post(f"/admin/snippets/awards/nomination/transition/{nomination.pk}/approve/", {"comment": ""})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.APPROVED

    client.force_login(people.drafter)  # a head of subdivision does not draft the order of awards
    assert client.get("/admin/snippets/awards/nomination/order/").status_code in (302, 403)
    client.force_login(people.hr)
    response = client.post(
        "/admin/snippets/awards/nomination/order/",
        {"nominations": [nomination.pk], "approvers": [people.secretary.pk]},
    )
    assert response.status_code == 302
    nomination.refresh_from_db()
    sign(people, nomination.order)
    award = Award.objects.get()

    response = client.get(f"/admin/snippets/awards/award/certificate/{award.pk}/")
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs]
    assert "Асель Бекова" in texts


def test_a_rejection_without_a_reason_is_a_message_and_changes_nothing(client, awards, people):
    nomination = awards.propose(EmployeeFactory())
    client.force_login(people.chairman)
    response = client.post(
        f"/admin/snippets/awards/nomination/transition/{nomination.pk}/reject/", {"comment": ""}, follow=True
    )
    assert response.status_code == 200
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.PROPOSED


def test_a_head_sees_the_nominations_and_awards_of_the_subtree_they_head_and_no_others(client, awards, people):
    legal, other = SubdivisionFactory(), SubdivisionFactory()
    head = UserFactory(username="head", roles=["head_of_subdivision"])
    grant(head, "structure.change_subdivision", legal)
    mine = awards.propose(EmployeeFactory(full_name_ky="Менин кызматкерим"), subdivision=legal)
    theirs = awards.propose(EmployeeFactory(full_name_ky="Башканын кызматкери"), subdivision=other)
    awards.confer(mine, theirs)

    client.force_login(head)
    for url in ("/admin/snippets/awards/nomination/", "/admin/snippets/awards/award/"):
        page = client.get(url).content.decode()
        assert "Менин кызматкерим" in page and "Башканын кызматкери" not in page
    theirs_award = Award.objects.get(nomination=theirs)
    assert client.get(f"/admin/snippets/awards/award/certificate/{theirs_award.pk}/").status_code in (302, 403)
    assert client.get(f"/admin/snippets/awards/award/inspect/{theirs_award.pk}/").status_code in (302, 403)


def test_an_employee_reads_their_own_awards_only(client, awards, people):
    user = UserFactory(username="owner", roles=["records_officer"])
    own = awards.propose(EmployeeFactory(full_name_ky="Өзүмдүн атым", user=user))
    other = awards.propose(EmployeeFactory(full_name_ky="Башка адам"))
    awards.confer(own, other)
    client.force_login(user)
    page = client.get("/admin/snippets/awards/award/").content.decode()
    assert "Өзүмдүн атым" in page and "Башка адам" not in page
    assert client.get("/admin/snippets/awards/nomination/").status_code in (302, 403)


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context)


def test_the_lists_filter_by_year_kind_and_subdivision(client, awards, people):
    legal = SubdivisionFactory()
    awards.confer(
        awards.propose(EmployeeFactory(full_name_ky="Биринчи"), subdivision=legal),
        awards.propose(EmployeeFactory(full_name_ky="Экинчи")),
    )
    award = Award.objects.get(name_ky="Биринчи")
    client.force_login(people.chairman)
    page = client.get(f"/admin/snippets/awards/award/?subdivision={legal.pk}").content.decode()
    assert "Биринчи" in page and "Экинчи" not in page
    page = client.get(f"/admin/snippets/awards/award/?conferred_on__year={award.conferred_on.year - 1}")
    assert "Биринчи" not in page.content.decode()
    lists = (f"/admin/snippets/awards/award/?kind={awards.honour.pk}", "/admin/snippets/awards/nomination/")
    before = [_queries(client, url) for url in lists]
    awards.confer(*(awards.propose(EmployeeFactory()) for _ in range(4)))
    assert [_queries(client, url) for url in lists] == before  # the same queries whatever the number of rows
    report = client.get(f"/admin/snippets/awards/award/report/?year={award.conferred_on.year}").content.decode()
    assert legal.name_ky in report


def test_the_submission_downloads_for_a_state_award_only(client, awards, people):
    state = awards.approve(awards.propose(EmployeeFactory(), kind=awards.state))
    agency = awards.approve(awards.propose(EmployeeFactory()))
    client.force_login(people.chairman)
    response = client.get(f"/admin/snippets/awards/nomination/submission/{state.pk}/")
    assert response.status_code == 200 and response["Content-Type"].endswith("document")
    assert client.get(f"/admin/snippets/awards/nomination/submission/{agency.pk}/").status_code in (302, 403)
    client.force_login(people.outsider)
    assert client.get(f"/admin/snippets/awards/nomination/submission/{state.pk}/").status_code in (302, 403)
    assert Nomination.objects.count() == 2


def test_the_award_appears_on_the_personnel_record(client, awards, people):
    employee = EmployeeFactory()
    order = awards.confer(awards.propose(employee))
    client.force_login(people.hr)
    page = client.get(f"/admin/snippets/staff/employee/inspect/{employee.pk}/").content.decode()
    assert "Кызматтын Ардак грамотасы" in page and f"№ {order.number_display}" in page
