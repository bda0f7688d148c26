import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from governance.orders.models import Order
from governance.staff import services
from governance.staff.enums import StaffingStatus
from governance.staff.models import StaffingTable
from governance.staff.selectors import staffing_compare, staffing_in_force
from tests.governance.orders.factories import People
from tests.governance.staff.factories import DAY, Staff, sign

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def staff(people):
    return Staff(people)


def test_signing_the_order_approves_the_version_and_it_is_the_one_in_force_from_its_date(staff):
    later = DAY + datetime.timedelta(days=90)
    draft = staff.propose([(staff.legal, staff.lawyer, 3, Decimal("30000"))], later)
    assert draft.status == StaffingStatus.PROPOSED
    assert draft.order.points.get().text_ru.startswith("Утвердить штатное расписание, вводимое в действие с")
    assert staffing_in_force(later) == staff.table  # a proposal is not in force

    sign(staff.people, draft.order)

    draft.refresh_from_db()
    assert draft.status == StaffingStatus.APPROVED
    assert staffing_in_force(DAY - datetime.timedelta(days=1)) is None
    assert staffing_in_force(DAY) == staff.table
    assert staffing_in_force(later - datetime.timedelta(days=1)) == staff.table
    assert staffing_in_force(later) == draft


def test_a_version_over_the_staff_limit_cannot_be_proposed_and_the_error_says_by_how_much_and_which_rows(staff):
    table = services.staffing_table_create(
        actor=staff.people.hr,
        title="Ашыкча",
        effective_from=DAY + datetime.timedelta(days=30),
        rows=[(staff.legal, staff.lawyer, 12, Decimal("30000")), (staff.legal, staff.head, 1, Decimal("45000"))],
    )
    orders = Order.objects.count()

    with pytest.raises(ValidationError) as refused:
        services.staffing_table_propose(actor=staff.people.hr, table=table, series=None)

    text = " ".join(refused.value.messages)
    assert "13" in text and "3" in text and "10" in text
    assert "Юридикалык бөлүм — Юрист" in text  # the row that grew
    assert "Бөлүм башчысы" not in text  # the row that did not
    table.refresh_from_db()
    assert table.status == StaffingStatus.DRAFT and table.order is None
    assert Order.objects.count() == orders


def test_a_version_over_the_wage_fund_is_refused_in_russian_with_the_excess(people):
    staff = Staff(people, wage_fund=Decimal("1500000"))  # the first version: 105 000 a month, 1 260 000 a year
    table = services.staffing_table_create(
        actor=people.hr,
        title="Кымбат",
        effective_from=DAY + datetime.timedelta(days=30),
        rows=[(staff.legal, staff.lawyer, 2, Decimal("40000")), (staff.legal, staff.head, 1, Decimal("45000"))],
    )
    # 2 × 40 000 + 45 000 = 125 000 a month: 1 500 000 a year, exactly the fund; one som more is over it
    services.staffing_row_set(
        actor=people.hr, table=table, subdivision=staff.legal, position=staff.lawyer, units=2, monthly_salary=40001
    )
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        services.staffing_table_propose(actor=people.hr, table=table, series=None)
    text = " ".join(refused.value.messages)
    assert "фонда оплаты труда" in text and "на 24.00 больше" in text  # 2 units × 1 som × 12 months over


def test_limits_are_checked_again_when_the_order_is_signed(staff):
    draft = staff.propose([(staff.legal, staff.lawyer, 3, Decimal("30000"))], DAY + datetime.timedelta(days=10))
    services.wage_limit_set(actor=staff.people.hr, year=DAY.year, staff_limit=2, wage_fund=Decimal("10000000"))

    with pytest.raises(ValidationError):
        sign(staff.people, draft.order)

    draft.refresh_from_db()
    draft.order.refresh_from_db()
    assert draft.status == StaffingStatus.PROPOSED
    assert draft.order.number is None  # the signing itself was refused


def test_only_a_draft_version_changes_and_only_hr_drafts(staff):
    with pytest.raises(ValidationError, match="долбоор"):
        services.staffing_row_set(
            actor=staff.people.hr,
            table=staff.table,
            subdivision=staff.legal,
            position=staff.lawyer,
            units=5,
            monthly_salary=Decimal("1"),
        )
    with pytest.raises(PermissionDenied):
        services.staffing_table_create(actor=staff.people.chairman, title="x", effective_from=DAY)
    assert StaffingTable.objects.count() == 1


def test_two_versions_compared_row_by_row_with_their_totals(staff, client):
    other = staff.hr_division
    draft = services.staffing_table_create(
        actor=staff.people.hr,
        title="Жаңы",
        effective_from=DAY + datetime.timedelta(days=30),
        rows=[(staff.legal, staff.lawyer, 3, Decimal("30000")), (other, staff.lawyer, 1, Decimal("28000"))],
    )
    changes = staffing_compare(staff.table, draft)
    assert [(c.position, c.before, c.after) for c in changes.changed] == [
        (staff.lawyer, (2, Decimal("30000.00")), (3, Decimal("30000.00")))
    ]
    assert [(c.subdivision, c.after) for c in changes.added] == [(other, (1, Decimal("28000")))]
    assert [c.position for c in changes.removed] == [staff.head]
    assert changes.totals_before == (3, Decimal("105000.00")) and changes.totals_after == (4, Decimal("118000.00"))

    client.force_login(staff.people.hr)
    page = client.get(f"/admin/snippets/staff/staffingtable/inspect/{draft.pk}/").content.decode()
    assert "Кадр бөлүмү" in page and "кошулду" in page
