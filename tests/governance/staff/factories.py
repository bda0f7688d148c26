"""A small agency's staff: positions, a staffing table in force, employees, and the orders that carry them."""

import datetime
from decimal import Decimal

import factory

from governance.orders import services as order_services
from governance.staff import services
from governance.staff.models import Employee
from governance.structure.enums import ClassRank, PositionCategory, PositionGroup
from governance.structure.models import Position
from tests.factories import SubdivisionFactory
from tests.governance.orders.factories import SeriesFactory, personnel_series

DAY = datetime.date(2026, 1, 1)


class PositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Position

    title_ky = factory.Sequence(lambda n: f"Адис {n}")
    title_ru = factory.Sequence(lambda n: f"Специалист {n}")
    category = PositionCategory.ADMINISTRATIVE
    group = PositionGroup.SENIOR
    class_rank = ClassRank.INSPECTOR_3
    salary_rate = Decimal("30000.00")


class EmployeeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employee

    full_name_ky = factory.Sequence(lambda n: f"Кызматкер {n} уулу")
    full_name_ru = factory.Sequence(lambda n: f"Сотрудник {n}")
    personnel_number = factory.Sequence(lambda n: f"T-{n:04d}")


def sign(people, order):
    """Take ``order`` through its approval sheet and have the chairman sign it."""
    order = order_services.order_submit(order=order, actor=order.drafter)
    for approval in list(order.approvals.all()):
        order = order_services.order_approve(order=order, actor=approval.approver)
    return order_services.order_sign(order=order, actor=people.chairman)


class Staff:
    """Two subdivisions, two positions, limits for the year and a version in force from ``DAY``."""

    def __init__(self, people, *, units=2, staff_limit=10, wage_fund=Decimal("10000000")):
        self.people = people
        self.legal = SubdivisionFactory(code="legal", name_ky="Юридикалык бөлүм", name_ru="Юридический отдел")
        self.hr_division = SubdivisionFactory(code="hr", name_ky="Кадр бөлүмү", name_ru="Отдел кадров")
        self.lawyer = PositionFactory(title_ky="Юрист", title_ru="Юрист")
        self.head = PositionFactory(title_ky="Бөлүм башчысы", title_ru="Заведующий отделом")
        services.wage_limit_set(actor=people.hr, year=DAY.year, staff_limit=staff_limit, wage_fund=wage_fund)
        self.table = self.approve(
            [(self.legal, self.lawyer, units, Decimal("30000")), (self.legal, self.head, 1, Decimal("45000"))],
            DAY,
        )

    def propose(self, rows, day, title="Штаттык ырааттама"):
        table = services.staffing_table_create(actor=self.people.hr, title=title, effective_from=day, rows=rows)
        return services.staffing_table_propose(
            actor=self.people.hr, table=table, series=SeriesFactory(), approvers=[self.people.secretary]
        )

    def approve(self, rows, day, title="Штаттык ырааттама"):
        table = self.propose(rows, day, title)
        sign(self.people, table.order)
        table.refresh_from_db()
        return table

    def action(self, employee, kind, day, subdivision=None, position=None):
        return services.personnel_action_propose(
            actor=self.people.hr,
            employee=employee,
            kind=kind,
            date=day,
            subdivision=subdivision,
            position=position,
            grounds_ky="Арызы",
            grounds_ru="Заявление",
        )

    def order(self, *actions):
        return services.personnel_order_draft(
            actor=self.people.hr, actions=actions, series=personnel_series(), approvers=[self.people.secretary]
        )

    def effect(self, *actions):
        """Carry ``actions`` in one personnel order and sign it."""
        return sign(self.people, self.order(*actions))
