"""Class ranks: their history, the agency's periods, and when each civil servant may receive the next."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from governance.staff import selectors, services
from governance.staff.enums import ActionKind
from governance.staff.models import RankConferral
from governance.structure.enums import ClassRank as R
from tests.governance.orders.factories import People
from tests.governance.staff.factories import EmployeeFactory, Staff

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def staff(people):
    return Staff(people, units=4)


def _in_post(staff, name):
    employee = EmployeeFactory(full_name_ky=name)
    staff.effect(staff.action(employee, ActionKind.APPOINTMENT, staff.table.effective_from, staff.legal, staff.lawyer))
    return employee


def _confer(people, employee, rank, day, act="Өкмөттүн токтому № 1"):
    return services.rank_confer(actor=people.hr, employee=employee, rank=rank, date=day, basis_act=act)


@pytest.mark.parametrize(
    ("conferred", "years", "eligible"),
    [
        (D(2026, 1, 15), 1, D(2027, 1, 15)),
        (D(2024, 2, 29), 1, D(2025, 2, 28)),  # a 29 February counts to 28 February
        (D(2024, 2, 29), 4, D(2028, 2, 29)),
        (D(2025, 12, 31), 3, D(2028, 12, 31)),
    ],
)
def test_the_day_of_eligibility_is_whole_years_after_the_conferral(conferred, years, eligible):
    assert selectors.eligible_from(conferred, years) == eligible


def test_eligibility_on_several_dates_under_the_agencys_periods(people, staff):
    services.rank_period_set(actor=people.hr, rank=R.INSPECTOR_3, years=1)
    services.rank_period_set(actor=people.hr, rank=R.INSPECTOR_2, years=2)
    asel = _in_post(staff, "Асель")
    bolot = _in_post(staff, "Болот")
    chyngyz = _in_post(staff, "Чыңгыз")  # a rank with no period set
    _confer(people, asel, R.INSPECTOR_3, D(2025, 3, 1))
    _confer(people, asel, R.INSPECTOR_2, D(2026, 3, 10))
    _confer(people, bolot, R.INSPECTOR_3, D(2025, 6, 30))
    _confer(people, chyngyz, R.ADVISER_1, D(2024, 1, 1))
    outsider = EmployeeFactory(full_name_ky="Дамира")  # not in a post: not listed
    _confer(people, outsider, R.INSPECTOR_3, D(2020, 1, 1))

    def table(day, **filters):
        return [
            (e.employee.full_name_ky, e.conferral.rank, e.next_rank, e.eligible_on, e.eligible(day))
            for e in selectors.rank_eligibility(day, **filters)
        ]

    # before Asel's second rank she waits for the 2nd class from 01.03.2026
    assert table(D(2026, 2, 1)) == [
        ("Асель", R.INSPECTOR_3, R.INSPECTOR_2, D(2026, 3, 1), False),
        ("Болот", R.INSPECTOR_3, R.INSPECTOR_2, D(2026, 6, 30), False),
        ("Чыңгыз", R.ADVISER_1, R.COUNSELLOR_3, None, False),
    ]
    # once she has it, two more years in it
    assert table(D(2026, 7, 1)) == [
        ("Болот", R.INSPECTOR_3, R.INSPECTOR_2, D(2026, 6, 30), True),
        ("Асель", R.INSPECTOR_2, R.INSPECTOR_1, D(2028, 3, 10), False),
        ("Чыңгыз", R.ADVISER_1, R.COUNSELLOR_3, None, False),
    ]
    assert [row[0] for row in table(D(2026, 7, 1), due_by=D(2026, 12, 31))] == ["Болот"]
    assert [row[0] for row in table(D(2026, 7, 1), rank=R.INSPECTOR_2)] == ["Асель"]
    assert table(D(2025, 1, 1)) == []  # no rank conferred yet on that day

    # the agency changes a period: the dates follow
    services.rank_period_set(actor=people.hr, rank=R.INSPECTOR_3, years=2)
    assert table(D(2026, 7, 1))[:2] == [
        ("Болот", R.INSPECTOR_3, R.INSPECTOR_2, D(2027, 6, 30), False),
        ("Асель", R.INSPECTOR_2, R.INSPECTOR_1, D(2028, 3, 10), False),
    ]


def test_the_highest_rank_has_no_next(people, staff):
    services.rank_period_set(actor=people.hr, rank=R.COUNSELLOR_1, years=1)
    _confer(people, _in_post(staff, "Эрлан"), R.COUNSELLOR_1, D(2020, 1, 1))
    [row] = selectors.rank_eligibility(D(2026, 7, 1))
    assert row.next_rank is None and row.eligible_on is None and not row.eligible(D(2030, 1, 1))


@pytest.mark.parametrize(
    ("rank", "day", "basis", "field"),
    [
        (R.INSPECTOR_1, D(2025, 1, 1), {"basis_act": "Токтом"}, "rank"),  # higher, yet earlier than the 2nd class
        (R.JUNIOR_INSPECTOR, D(2026, 6, 1), {"basis_act": "Токтом"}, "rank"),  # lower, yet later
        (R.ADVISER_3, D(2026, 3, 1), {"basis_act": "Токтом"}, "rank"),  # the same day as another
        (R.INSPECTOR_2, D(2027, 1, 1), {"basis_act": "Токтом"}, "__all__"),  # twice the same rank
        (R.INSPECTOR_1, D(2027, 1, 1), {}, "basis_act"),  # no basis
        (R.INSPECTOR_1, D(2027, 1, 1), {"basis_act": "   "}, "basis_act"),
    ],
)
def test_a_conferral_out_of_order_or_without_basis_is_refused(people, staff, rank, day, basis, field):
    employee = _in_post(staff, "Жылдыз")
    _confer(people, employee, R.INSPECTOR_3, D(2025, 3, 1))
    _confer(people, employee, R.INSPECTOR_2, D(2026, 3, 1))
    with pytest.raises(ValidationError) as refused:
        services.rank_confer(actor=people.hr, employee=employee, rank=rank, date=day, **basis)
    assert field in refused.value.message_dict
    assert RankConferral.objects.filter(employee=employee).count() == 2


def test_a_draft_order_is_no_basis_and_only_hr_records(people, staff):
    employee = _in_post(staff, "Нуржан")
    draft = staff.order(
        staff.action(EmployeeFactory(), ActionKind.APPOINTMENT, D(2026, 2, 1), staff.legal, staff.lawyer)
    )
    with pytest.raises(ValidationError) as refused:
        services.rank_confer(
            actor=people.hr, employee=employee, rank=R.INSPECTOR_3, date=D(2026, 1, 5), basis_order=draft
        )
    assert "basis_order" in refused.value.message_dict
    signed = staff.table.order
    conferral = services.rank_confer(
        actor=people.hr, employee=employee, rank=R.INSPECTOR_3, date=D(2026, 1, 5), basis_order=signed
    )
    assert conferral.basis_order == signed
    with pytest.raises(PermissionDenied):
        services.rank_confer(
            actor=people.chairman, employee=employee, rank=R.INSPECTOR_2, date=D(2027, 1, 5), basis_act="Токтом"
        )
    with pytest.raises(ValidationError):
        services.rank_period_set(actor=people.hr, rank=R.INSPECTOR_3, years=0)


def test_hr_reads_the_eligibility_report_and_a_head_does_not(client, people, staff):
    services.rank_period_set(actor=people.hr, rank=R.INSPECTOR_3, years=1)
    _confer(people, _in_post(staff, "Гүлнара"), R.INSPECTOR_3, D(2025, 1, 10))
    client.force_login(people.hr)
    url = "/admin/snippets/staff/rankconferral/eligibility/"
    body = client.get(f"{url}?date=2026-02-01&due_by=2026-12-31").content.decode()
    assert "Гүлнара" in body and "10.01.2026" in body
    assert "Гүлнара" not in client.get(f"{url}?date=2026-02-01&due_by=2025-12-31").content.decode()
    assert client.get(f"{url}?date=nonsense&rank=nonsense").status_code == 200
    client.force_login(people.chairman)
    assert client.get(url).status_code == 302
