"""HR adds, changes and removes the rows of a draft version in the admin, sees the running totals
against the year's limits; bad input and frozen versions are refused with a message, nothing written."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.access.models import PolicyLogEntry
from governance.staff import services
from governance.staff.models import StaffingRow
from tests.factories import SubdivisionFactory, UserFactory
from tests.governance.orders.factories import People
from tests.governance.staff.factories import DAY, PositionFactory, Staff

pytestmark = pytest.mark.django_db

ROWS = "/admin/snippets/staff/staffingtable/rows/{}/"


@pytest.fixture
def staff(roles):
    return Staff(People())


@pytest.fixture
def draft(staff):
    return services.staffing_table_create(
        actor=staff.people.hr, title="Долбоор", effective_from=DAY + datetime.timedelta(days=30), based_on=staff.table
    )


def rows_of(table):
    return sorted(table.rows.values_list("subdivision_id", "position_id", "units", "monthly_salary"))


def text(response):
    return response.content.decode()


def test_hr_adds_a_row_to_a_draft(client, staff, draft):
    client.force_login(staff.people.hr)

    response = client.post(
        ROWS.format(draft.pk),
        {"subdivision": staff.hr_division.pk, "position": staff.lawyer.pk, "units": 2, "monthly_salary": "31000"},
    )

    assert response.status_code == 302, text(response)[:3000]
    row = draft.rows.get(subdivision=staff.hr_division)
    assert (row.position, row.units, row.monthly_salary) == (staff.lawyer, 2, Decimal("31000"))
    assert PolicyLogEntry.objects.filter(object_id=str(draft.pk), action="wagtail.edit", user=staff.people.hr).exists()


def test_an_empty_salary_is_the_position_s_rate(client, staff, draft):
    client.force_login(staff.people.hr)
    clerk = PositionFactory(salary_rate=Decimal("27500.00"))

    response = client.post(
        ROWS.format(draft.pk), {"subdivision": staff.hr_division.pk, "position": clerk.pk, "units": 1}
    )

    assert response.status_code == 302
    assert draft.rows.get(position=clerk).monthly_salary == Decimal("27500.00")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"units": 0}, "1 карата чоң же барабар маани болгонун текшериңиз"),
        ({"units": -3}, "1 карата чоң же барабар маани болгонун текшериңиз"),
        ({"units": "көп"}, "Толук сан киргиз."),
        ({"units": 99999}, "32767"),
        ({"monthly_salary": "0"}, "Бирдиктин айлык эмгек акысы нөлдөн жогору болушу керек."),
        ({"monthly_salary": "-100"}, "Бирдиктин айлык эмгек акысы нөлдөн жогору болушу керек."),
        ({"position": "lawyer"}, "Версияда «Юридикалык бөлүм — Юрист» орду бар: анын сабын өзгөртүңүз."),
        ({"subdivision": "closed"}, "Туура тандоо кылыңыз."),
        ({"subdivision": 999999}, "Туура тандоо кылыңыз."),
        ({"position": ""}, "Бул талаа керектүү."),
    ],
)
def test_bad_rows_are_refused_with_a_message_and_nothing_is_written(client, staff, draft, change, message):
    client.force_login(staff.people.hr)
    closed = SubdivisionFactory(code="closed", valid_to=DAY)  # ends before the draft takes effect
    change = {
        key: {"lawyer": staff.lawyer.pk, "closed": closed.pk}.get(value, value) if isinstance(value, str) else value
        for key, value in change.items()
    }
    data = {"subdivision": staff.legal.pk, "position": staff.head.pk, "units": 1, "monthly_salary": "45000"}
    if "position" in change and change["position"] == staff.lawyer.pk:
        data["subdivision"] = staff.legal.pk  # the lawyer's post in legal is already in the draft
    else:
        data["subdivision"] = staff.hr_division.pk
    before = rows_of(draft)

    response = client.post(ROWS.format(draft.pk), {**data, **change})

    assert response.status_code == 400
    assert message in text(response)
    assert rows_of(draft) == before


def test_the_service_refuses_a_subdivision_closed_on_the_version_s_date(staff, draft):
    closed = SubdivisionFactory(code="closed", valid_to=DAY)

    with pytest.raises(ValidationError) as refused:
        services.staffing_row_add(
            actor=staff.people.hr,
            table=draft,
            subdivision=closed,
            position=staff.lawyer,
            units=1,
            monthly_salary=Decimal("30000"),
        )

    assert refused.value.error_dict["subdivision"][0].code == "no_subdivision"
    assert not draft.rows.filter(subdivision=closed).exists()


def test_hr_changes_and_removes_a_row_of_a_draft(client, staff, draft):
    client.force_login(staff.people.hr)
    row = draft.rows.get(position=staff.lawyer)

    response = client.post(ROWS.format(draft.pk) + f"change/{row.pk}/", {"units": 4, "monthly_salary": "32000"})
    assert response.status_code == 302
    row.refresh_from_db()
    assert (row.units, row.monthly_salary) == (4, Decimal("32000"))

    response = client.post(ROWS.format(draft.pk) + f"remove/{row.pk}/")
    assert response.status_code == 302
    assert not StaffingRow.objects.filter(pk=row.pk).exists()
    assert draft.rows.count() == 1


@pytest.mark.parametrize("data", [{"units": 0, "monthly_salary": "1"}, {"units": 2, "monthly_salary": "0"}, {}])
def test_a_bad_change_is_refused_with_a_message(client, staff, draft, data):
    client.force_login(staff.people.hr)
    row = draft.rows.get(position=staff.lawyer)
    before = rows_of(draft)

    response = client.post(ROWS.format(draft.pk) + f"change/{row.pk}/", data, follow=True)

    assert response.status_code == 200
    assert 'class="error"' in text(response) or "error" in text(response)
    assert rows_of(draft) == before


def test_the_approved_version_is_frozen_its_screen_has_no_buttons_and_posts_are_refused(client, staff):
    client.force_login(staff.people.hr)
    table = staff.table
    row = table.rows.first()
    before = rows_of(table)

    screen = client.get(ROWS.format(table.pk))
    assert screen.status_code == 200
    content = text(screen)
    assert "Бул версия долбоор эмес: анын саптары өзгөрбөйт." in content
    assert "/change/" not in content and "/remove/" not in content and 'name="subdivision"' not in content

    added = client.post(
        ROWS.format(table.pk),
        {"subdivision": staff.hr_division.pk, "position": staff.lawyer.pk, "units": 1, "monthly_salary": "30000"},
    )
    assert added.status_code == 400
    assert "Штаттык ырааттаманын долбоор версиясын гана өзгөртүүгө болот." in text(added)
    changed = client.post(ROWS.format(table.pk) + f"change/{row.pk}/", {"units": 9, "monthly_salary": "1"}, follow=True)
    assert "Штаттык ырааттаманын долбоор версиясын гана өзгөртүүгө болот." in text(changed)
    client.post(ROWS.format(table.pk) + f"remove/{row.pk}/")
    assert rows_of(table) == before
    with pytest.raises(ValidationError):
        services.staffing_row_remove(actor=staff.people.hr, row=row)
    assert rows_of(table) == before


def test_who_does_not_keep_the_staffing_table_may_not_change_rows(client, staff, draft):
    row = draft.rows.first()
    before = rows_of(draft)
    chairman = staff.people.chairman  # reads the staffing table, keeps none of it
    head = UserFactory(roles=["head_of_subdivision"])

    client.force_login(chairman)
    screen = client.get(ROWS.format(draft.pk))
    assert screen.status_code == 200
    assert "/remove/" not in text(screen)
    assert client.post(ROWS.format(draft.pk), {"units": 1}).status_code in (302, 403)
    assert client.post(ROWS.format(draft.pk) + f"remove/{row.pk}/").status_code in (302, 403)

    client.force_login(head)
    assert client.get(ROWS.format(draft.pk)).status_code in (302, 403)
    assert client.post(ROWS.format(draft.pk) + f"change/{row.pk}/", {"units": 9}).status_code in (302, 403)
    with pytest.raises(PermissionDenied):
        services.staffing_row_remove(actor=head, row=row)
    assert rows_of(draft) == before

    client.logout()
    assert client.get(ROWS.format(draft.pk))["Location"].startswith("/admin/login/")
    assert rows_of(draft) == before


def test_a_row_of_another_version_or_none_is_not_found_and_a_get_is_refused(client, staff, draft):
    client.force_login(staff.people.hr)
    foreign = staff.table.rows.first()

    assert client.post(ROWS.format(draft.pk) + f"remove/{foreign.pk}/").status_code == 404
    assert client.post(ROWS.format(draft.pk) + "remove/999999/").status_code == 404
    assert client.get(ROWS.format(999999)).status_code == 404
    assert client.get(ROWS.format(draft.pk) + f"remove/{draft.rows.first().pk}/").status_code == 405
    assert staff.table.rows.filter(pk=foreign.pk).exists()


def test_the_screen_shows_by_how_much_and_which_rows_go_over_the_limits(client, staff, draft):
    client.force_login(staff.people.hr)
    # the limit is 10 units; the draft has 3; 8 more lawyers in the HR division make 11
    services.staffing_row_add(
        actor=staff.people.hr,
        table=draft,
        subdivision=staff.hr_division,
        position=staff.lawyer,
        units=8,
        monthly_salary=Decimal("30000"),
    )

    content = text(client.get(ROWS.format(draft.pk)))

    assert "11" in content and ">-1<" in content  # the units left: one over
    assert "Кадр бөлүмү — Юрист" in content  # the row that adds to it, named in the message
    assert content.count("staffing-over") == 1  # the last row, where the running total passes 10


def test_the_rows_screen_costs_the_same_whatever_the_number_of_rows(client, staff, draft):
    client.force_login(staff.people.hr)
    client.get(ROWS.format(draft.pk))

    with CaptureQueriesContext(connection) as few:
        client.get(ROWS.format(draft.pk))
    for index in range(6):
        services.staffing_row_add(
            actor=staff.people.hr,
            table=draft,
            subdivision=SubdivisionFactory(code=f"more-{index}"),
            position=staff.lawyer,
            units=1,
            monthly_salary=Decimal("100"),
        )
    with CaptureQueriesContext(connection) as many:
        response = client.get(ROWS.format(draft.pk))

    assert response.status_code == 200
    assert text(response).count("/remove/") == 8
    assert len(many.captured_queries) == len(few.captured_queries)
    assert len(many.captured_queries) <= 40
