"""The admin screens and the public page of structure and staff, for each role."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.access.objects import grant
from governance.staff.enums import ActionKind, StaffingStatus
from governance.staff.models import EmployeeView, StaffingTable
from tests.factories import SubdivisionFactory, UserFactory
from tests.governance.orders.factories import People
from tests.governance.staff.factories import EmployeeFactory, Staff

pytestmark = pytest.mark.django_db

A = ActionKind


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def staff(people):
    return Staff(people)


@pytest.fixture
def placed(staff):
    """A lawyer in the legal division (headed by ``head``) and one in HR; one of them owns an account."""
    today = timezone.localdate()
    owner = UserFactory(username="owner", roles=["records_officer"])
    in_legal = EmployeeFactory(full_name_ky="Нурлан Юрист", phone="0700 111 111", user=owner)
    staff.effect(staff.action(in_legal, A.APPOINTMENT, staff.table.effective_from, staff.legal, staff.lawyer))
    elsewhere = EmployeeFactory(full_name_ky="Айгүл Кадр", phone="0700 222 222")
    head = UserFactory(username="head", roles=["head_of_subdivision"])
    grant(head, "structure.change_subdivision", staff.legal)
    assert staff.table.effective_from <= today
    return {"in_legal": in_legal, "elsewhere": elsewhere, "owner": owner, "head": head}


def _inspect(client, user, employee):
    client.force_login(user)
    return client.get(f"/admin/snippets/staff/employee/inspect/{employee.pk}/")


@pytest.mark.parametrize(
    ("who", "in_legal", "elsewhere"),
    [("hr", 200, 200), ("head", 200, 302), ("owner", 200, 302), ("chairman", 302, 302)],
)
def test_who_reads_which_personnel_record(client, people, placed, who, in_legal, elsewhere):
    user = people.hr if who == "hr" else people.chairman if who == "chairman" else placed[who]
    assert _inspect(client, user, placed["in_legal"]).status_code == in_legal
    assert _inspect(client, user, placed["elsewhere"]).status_code == elsewhere


def test_every_view_but_the_owners_is_logged_and_hr_lists_them(client, people, placed):
    _inspect(client, placed["owner"], placed["in_legal"])
    assert not EmployeeView.objects.exists()

    _inspect(client, placed["head"], placed["in_legal"])
    _inspect(client, placed["head"], placed["elsewhere"])  # refused: not logged
    response = _inspect(client, people.hr, placed["in_legal"])
    assert "Юридикалык бөлүм" in response.content.decode()  # the post history

    assert [(v.viewer, v.employee) for v in EmployeeView.objects.order_by("pk")] == [
        (placed["head"], placed["in_legal"]),
        (people.hr, placed["in_legal"]),
    ]
    client.force_login(people.hr)
    listing = client.get("/admin/snippets/staff/employeeview/")
    assert listing.status_code == 200 and "head" in listing.content.decode()
    client.force_login(placed["head"])
    assert client.get("/admin/snippets/staff/employeeview/").status_code == 302


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_employee_list_shows_a_head_only_the_staff_of_their_subtree(client, staff, placed):
    client.force_login(placed["head"])
    body = client.get("/admin/snippets/staff/employee/").content.decode()
    assert "Нурлан Юрист" in body and "Айгүл Кадр" not in body

    before = _queries(client, "/admin/snippets/staff/employee/")
    more = EmployeeFactory()
    staff.effect(staff.action(more, A.APPOINTMENT, staff.table.effective_from, staff.legal, staff.lawyer))
    assert _queries(client, "/admin/snippets/staff/employee/") == before  # no query per row


def test_hr_drafts_a_version_from_the_one_in_force_and_the_screen_says_what_exceeds_the_limits(client, people, staff):
    client.force_login(people.hr)
    response = client.post(
        "/admin/snippets/staff/staffingtable/add/",
        {"title": "Жаңы ырааттама", "effective_from": "2026-06-01"},
    )
    assert response.status_code == 302
    draft = StaffingTable.objects.get(title="Жаңы ырааттама")
    assert draft.status == StaffingStatus.DRAFT and draft.rows.count() == 2  # copied from the version in force
    draft.rows.filter(position=staff.lawyer).update(units=20)

    page = client.get(f"/admin/snippets/staff/staffingtable/inspect/{draft.pk}/").content.decode()
    assert "Юридикалык бөлүм — Юрист" in page  # the row that exceeds, named on the screen

    client.post(
        f"/admin/snippets/staff/staffingtable/transition/{draft.pk}/propose/",
        {"series": staff.table.order.series.pk, "approvers": [people.secretary.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == StaffingStatus.DRAFT and draft.order is None


def test_the_vacancy_report_on_a_date(client, people, placed, staff):
    client.force_login(people.hr)
    response = client.get("/admin/snippets/staff/staffingtable/vacancies/?date=2026-02-01")
    body = response.content.decode()
    before = _queries(client, "/admin/snippets/staff/staffingtable/vacancies/?date=2026-02-01")
    staff.approve(
        [(staff.legal, staff.lawyer, 2, 30000), (staff.hr_division, staff.lawyer, 2, 30000)],
        staff.table.effective_from + datetime.timedelta(days=1),
    )
    assert _queries(client, "/admin/snippets/staff/staffingtable/vacancies/?date=2026-02-01") == before
    assert response.status_code == 200 and "01.02.2026" in body
    assert client.get("/admin/snippets/staff/staffingtable/vacancies/?date=nonsense").status_code == 200


def test_a_head_reads_the_posts_and_staff_of_their_subtree_and_nothing_else(client, people, placed, staff):
    """A head's right is on one subdivision; the admin lets them in for it and shows its subtree only."""
    child = SubdivisionFactory(code="legal-contracts", name_ky="Келишимдер сектору", parent=staff.legal)
    in_child = EmployeeFactory(full_name_ky="Бакыт Сектор")
    staff.approve(
        [
            (staff.legal, staff.lawyer, 2, 30000),
            (child, staff.lawyer, 1, 30000),
            (staff.hr_division, staff.head, 1, 45000),
        ],
        staff.table.effective_from + datetime.timedelta(days=1),
    )
    staff.effect(
        staff.action(
            in_child, A.APPOINTMENT, staff.table.effective_from + datetime.timedelta(days=1), child, staff.lawyer
        )
    )
    sibling = UserFactory(username="sibling", roles=["head_of_subdivision"])
    grant(sibling, "structure.change_subdivision", staff.hr_division)
    url = "/admin/snippets/staff/staffingtable/vacancies/?date=2026-02-01"

    client.force_login(placed["head"])
    body = client.get(url).content.decode()
    assert "Юридикалык бөлүм" in body and "Келишимдер сектору" in body and "Кадр бөлүмү" not in body
    employees = client.get("/admin/snippets/staff/employee/").content.decode()
    assert "Нурлан Юрист" in employees and "Бакыт Сектор" in employees and "Айгүл Кадр" not in employees
    assert _inspect(client, placed["head"], in_child).status_code == 200
    assert EmployeeView.objects.filter(viewer=placed["head"], employee=in_child).exists()  # still logged
    assert "staffingtable/vacancies/" in client.get("/admin/").content.decode()  # the reports menu links it

    client.force_login(sibling)
    body = client.get(url).content.decode()
    assert "Кадр бөлүмү" in body and "Юридикалык бөлүм" not in body and "Келишимдер сектору" not in body
    employees = client.get("/admin/snippets/staff/employee/")
    assert employees.status_code == 302  # nobody holds a post under them: no personnel record to read
    assert _inspect(client, sibling, in_child).status_code == 302

    client.force_login(placed["owner"])  # a plain employee: their own record, no report
    assert client.get(url).status_code == 302  # back to the dashboard
    assert "staffingtable/vacancies/" not in client.get("/admin/").content.decode()
    client.force_login(people.chairman)
    assert "Кадр бөлүмү" in client.get(url).content.decode()  # the leadership reads every post


def test_the_public_structure_page_names_heads_and_nothing_personal(client, people, staff, placed):
    staff.legal.head_position = staff.lawyer
    staff.legal.valid_from = datetime.date(2025, 1, 1)
    staff.legal.save()
    staff.hr_division.valid_from = datetime.date(2026, 3, 1)
    staff.hr_division.save()

    ky = client.get("/ky/structure/?date=2026-02-01").content.decode()
    ru = client.get("/ru/structure/?date=2026-02-01").content.decode()
    early = client.get("/ky/structure/?date=2024-12-31").content.decode()

    assert "Юридикалык бөлүм" in ky and "Нурлан Юрист" in ky
    assert "Юридический отдел" in ru
    assert "Кадр бөлүмү" not in ky  # not yet created on that date
    assert "0700 111 111" not in ky and "T-" not in ky  # no phone, no personnel number
    assert "Юридикалык бөлүм" not in early
    assert client.get("/ky/structure/?date=nonsense").status_code == 200
