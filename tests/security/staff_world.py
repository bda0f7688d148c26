"""The staff module's objects for the authorization matrix: a staffing table in force, a draft, two
employees (one in a subdivision the matrix's head heads, one who is a matrix user's own record), a
proposal and a view of a record; their phones are the secrets (personal data)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from governance.access import policy
from governance.staff import services
from governance.staff.enums import ActionKind
from governance.staff.models import WageLimit
from governance.structure.enums import ClassRank
from tests.governance.orders.factories import SeriesFactory, personnel_series
from tests.governance.staff.factories import EmployeeFactory, PositionFactory, sign

PHONE_LEGAL = "Матрица телефон 0555 111"
PHONE_FINANCE = "Матрица телефон 0555 222"


def build_staff(people, users, legal, finance) -> tuple[dict, list]:
    today = timezone.localdate()
    start = today - datetime.timedelta(days=30)
    lawyer = PositionFactory(title_ky="Матрица юрист", title_ru="Матрица юрист")
    deputy = PositionFactory(title_ky="Матрица орун басар", title_ru="Матрица заместитель", on_nomenclature=True)
    services.wage_limit_set(actor=people.hr, year=start.year, staff_limit=100, wage_fund=Decimal("100000000"))
    if start.year != today.year:
        services.wage_limit_set(actor=people.hr, year=today.year, staff_limit=100, wage_fund=Decimal("100000000"))
    table = services.staffing_table_create(
        actor=people.hr,
        title="Матрица штаттык ырааттама",
        effective_from=start,
        rows=[
            (legal, lawyer, 3, Decimal("30000")),
            (finance, lawyer, 2, Decimal("30000")),
            (legal, deputy, 1, Decimal("90000")),
        ],
    )
    table = services.staffing_table_propose(
        actor=people.hr, table=table, series=SeriesFactory(), approvers=[people.secretary]
    )
    sign(people, table.order)
    table.refresh_from_db()
    draft = services.staffing_table_create(
        actor=people.hr, title="Матрица долбоор ырааттама", effective_from=today + datetime.timedelta(days=60)
    )
    services.staffing_row_add(
        actor=people.hr, table=draft, subdivision=legal, position=lawyer, units=1, monthly_salary=Decimal("30000")
    )

    in_legal = EmployeeFactory(phone=PHONE_LEGAL)
    own = EmployeeFactory(phone=PHONE_FINANCE, user=users["records_officer"])
    actions = [
        services.personnel_action_propose(
            actor=people.hr,
            employee=employee,
            kind=ActionKind.APPOINTMENT,
            date=start,
            subdivision=subdivision,
            position=lawyer,
            grounds_ky="Арызы",
            grounds_ru="Заявление",
        )
        for employee, subdivision in ((in_legal, legal), (own, finance))
    ]
    sign(
        people,
        services.personnel_order_draft(
            actor=people.hr, actions=actions, series=personnel_series(), approvers=[people.secretary]
        ),
    )
    proposal = services.personnel_action_propose(
        actor=people.hr,
        employee=EmployeeFactory(),
        kind=ActionKind.APPOINTMENT,
        date=today,
        subdivision=legal,
        position=lawyer,
        grounds_ky="Арызы",
        grounds_ru="Заявление",
    )
    nomenclature = services.personnel_action_propose(
        actor=people.hr,
        employee=EmployeeFactory(),
        kind=ActionKind.APPOINTMENT,
        date=today,
        subdivision=legal,
        position=deputy,
        grounds_ky="Матрица төраганын сунушу",
        grounds_ru="Матрица представление председателя",
    )
    services.employee_record_viewed(actor=people.hr, employee=in_legal)
    period = services.rank_period_set(actor=people.hr, rank=ClassRank.INSPECTOR_3, years=1)
    conferral = services.rank_confer(
        actor=people.hr, employee=in_legal, rank=ClassRank.INSPECTOR_3, date=start, basis_act="Матрица токтом № 7"
    )
    objects = {
        "position": lawyer,
        "staffing_in_force": table,
        "staffing_draft": draft,
        "wage_limit": WageLimit.objects.get(year=start.year),
        "employee_legal": in_legal,
        "employee_own": own,
        "action_effective": actions[0],
        "action_proposal": proposal,
        "action_nomenclature": nomenclature,
        "employee_view": in_legal.views.get(),
        "rank_period": period,
        "rank_conferral": conferral,
    }
    secrets = [
        (PHONE_LEGAL, lambda user: policy.can(user, "staff.view_employee", in_legal)),
        (PHONE_FINANCE, lambda user: policy.can(user, "staff.view_employee", own)),
        ("Матрица токтом № 7", lambda user: policy.can(user, "staff.view_rankconferral", conferral)),
    ]
    return objects, secrets
