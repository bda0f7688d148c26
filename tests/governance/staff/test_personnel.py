import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from governance.orders.enums import OrderStatus
from governance.staff import services
from governance.staff.enums import ActionKind, ActionStatus
from governance.staff.models import PersonnelAction, PostHolding
from governance.staff.selectors import post_on, vacancies_on
from tests.governance.orders.factories import People
from tests.governance.staff.factories import DAY, EmployeeFactory, Staff, sign

pytestmark = pytest.mark.django_db

A = ActionKind


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def staff(people):
    return Staff(people)  # legal: 2 lawyers, 1 head, in force from DAY


def later(days):
    return DAY + datetime.timedelta(days=days)


def test_an_appointment_is_a_proposal_until_its_order_is_signed(staff):
    employee = EmployeeFactory(full_name_ky="Асель Бекова", full_name_ru="Бекова Асель")
    action = staff.action(employee, A.APPOINTMENT, later(10), staff.legal, staff.lawyer)
    order = staff.order(action)

    assert order.points.get().text_ky.startswith("Асель Бекова 11.01.2026 баштап Юридикалык бөлүм Юрист кызматына")
    assert order.points.get().text_ru.startswith("Назначить Бекова Асель на должность «Юрист» (Юридический отдел)")
    assert order.title_ru == "По личному составу" and order.series.code == "personnel"
    assert post_on(employee, later(20)) is None

    sign(staff.people, order)

    action.refresh_from_db()
    assert action.status == ActionStatus.EFFECTIVE
    assert post_on(employee, later(9)) is None
    assert post_on(employee, later(10)).position == staff.lawyer


def test_a_transfer_closes_the_old_post_and_a_dismissal_closes_the_new(staff):
    employee = EmployeeFactory()
    staff.effect(staff.action(employee, A.APPOINTMENT, later(1), staff.legal, staff.lawyer))
    staff.effect(staff.action(employee, A.TRANSFER, later(30), staff.legal, staff.head))
    staff.effect(staff.action(employee, A.DISMISSAL, later(60)))

    history = list(PostHolding.objects.filter(employee=employee).order_by("date_from"))
    assert [(h.position, h.date_from, h.date_to) for h in history] == [
        (staff.lawyer, later(1), later(29)),
        (staff.head, later(30), later(60)),
    ]
    assert post_on(employee, later(61)) is None


def test_vacancies_are_units_in_force_minus_units_occupied_on_each_date(staff):
    first, second = EmployeeFactory(), EmployeeFactory()
    staff.effect(
        staff.action(first, A.APPOINTMENT, later(10), staff.legal, staff.lawyer),
        staff.action(second, A.APPOINTMENT, later(20), staff.legal, staff.lawyer),
    )
    staff.effect(staff.action(first, A.DISMISSAL, later(40)))
    acting = EmployeeFactory()
    staff.effect(staff.action(acting, A.ACTING, later(5), staff.legal, staff.head))  # takes no unit

    def vacant(day):
        return {v.position.title_ru: v.vacant for v in vacancies_on(day)}

    assert vacant(later(0)) == {"Юрист": 2, "Заведующий отделом": 1}
    assert vacant(later(10)) == {"Юрист": 1, "Заведующий отделом": 1}
    assert vacant(later(20)) == {"Юрист": 0, "Заведующий отделом": 1}
    assert vacant(later(40)) == {"Юрист": 0, "Заведующий отделом": 1}  # the last day worked
    assert vacant(later(41)) == {"Юрист": 1, "Заведующий отделом": 1}
    assert vacancies_on(DAY - datetime.timedelta(days=1)) == []  # no version in force


def test_vacancies_on_a_date_take_five_queries_whatever_the_rows(staff, django_assert_max_num_queries):
    staff.effect(staff.action(EmployeeFactory(), A.APPOINTMENT, later(1), staff.legal, staff.lawyer))
    with django_assert_max_num_queries(5):
        assert sum(v.vacant for v in vacancies_on(later(2))) == 2


def _refused(code, call):
    actions = PersonnelAction.objects.count()
    holdings = PostHolding.objects.count()
    with pytest.raises(ValidationError) as refused:
        call()
    assert refused.value.error_list[0].code == code
    assert (PersonnelAction.objects.count(), PostHolding.objects.count()) == (actions, holdings)
    return refused.value.messages[0]


def test_no_free_unit_is_refused(staff):
    head = EmployeeFactory()
    staff.effect(staff.action(head, A.APPOINTMENT, later(1), staff.legal, staff.head))
    with translation.override("ru"):
        message = _refused(
            "no_free_unit", lambda: staff.action(EmployeeFactory(), A.APPOINTMENT, later(5), staff.legal, staff.head)
        )
    assert "Заведующий отделом" in message


def test_two_holders_of_one_unit_are_refused_while_proposed_and_once_signed(staff):
    first = staff.action(EmployeeFactory(), A.APPOINTMENT, later(1), staff.legal, staff.head)
    _refused("two_holders", lambda: staff.action(EmployeeFactory(), A.APPOINTMENT, later(2), staff.legal, staff.head))

    staff.effect(first)

    _refused("no_free_unit", lambda: staff.action(EmployeeFactory(), A.APPOINTMENT, later(2), staff.legal, staff.head))


def test_signing_refuses_an_order_whose_action_lost_its_unit_and_writes_nothing(staff):
    employee, rival = EmployeeFactory(), EmployeeFactory()
    mine = staff.action(employee, A.APPOINTMENT, later(5), staff.legal, staff.head)
    order = staff.order(mine)
    PersonnelAction.objects.filter(pk=mine.pk).update(date=later(6))  # (no service moves it: the unit stays claimed)
    PostHolding.objects.create(
        employee=rival, subdivision=staff.legal, position=staff.head, date_from=later(1), action=mine
    )
    holdings = PostHolding.objects.count()

    with pytest.raises(ValidationError) as refused:
        sign(staff.people, order)

    assert refused.value.error_list[0].code == "no_free_unit"
    order.refresh_from_db()
    mine.refresh_from_db()
    assert order.status == OrderStatus.APPROVED and order.number is None
    assert mine.status == ActionStatus.PROPOSAL
    assert PostHolding.objects.count() == holdings


def test_a_dismissal_before_the_appointment_is_refused(staff):
    employee = EmployeeFactory()
    staff.effect(staff.action(employee, A.APPOINTMENT, later(10), staff.legal, staff.lawyer))
    _refused("before_appointment", lambda: staff.action(employee, A.DISMISSAL, later(5)))
    _refused("before_appointment", lambda: staff.action(EmployeeFactory(), A.DISMISSAL, later(5)))


def test_an_appointment_of_someone_in_a_post_is_refused(staff):
    employee = EmployeeFactory()
    staff.effect(staff.action(employee, A.APPOINTMENT, later(1), staff.legal, staff.lawyer))
    _refused("holds_post", lambda: staff.action(employee, A.APPOINTMENT, later(5), staff.legal, staff.head))


def test_an_action_on_a_version_not_in_force_is_refused(staff):
    employee = EmployeeFactory()
    with translation.override("ru"):
        before = _refused(
            "not_in_force",
            lambda: staff.action(employee, A.APPOINTMENT, DAY - datetime.timedelta(1), staff.legal, staff.lawyer),
        )
        missing = _refused(
            "not_in_force", lambda: staff.action(employee, A.APPOINTMENT, later(1), staff.hr_division, staff.lawyer)
        )
    assert "31.12.2025" in before
    assert "Отдел кадров" in missing
    # a post only in a version still proposed is not in force either
    staff.propose([(staff.hr_division, staff.lawyer, 1, 30000)], later(100))
    _refused("not_in_force", lambda: staff.action(employee, A.APPOINTMENT, later(100), staff.hr_division, staff.lawyer))


def test_only_hr_proposes_personnel_actions(staff):
    with pytest.raises(PermissionDenied):
        services.personnel_action_propose(
            actor=staff.people.chairman,
            employee=EmployeeFactory(),
            kind=A.APPOINTMENT,
            date=later(1),
            subdivision=staff.legal,
            position=staff.lawyer,
            grounds_ky="Арызы",
            grounds_ru="Заявление",
        )
    assert not PersonnelAction.objects.exists()


def test_the_right_to_change_a_subdivision_follows_its_heads_post(staff):
    """Whoever is appointed to the head's post may change the subdivision and its subtree; a
    transfer or a dismissal takes the right away, and someone acting in the post shares it."""
    from governance.access import policy
    from governance.structure.models import Subdivision
    from tests.factories import SubdivisionFactory, UserFactory

    Subdivision.objects.filter(pk=staff.legal.pk).update(head_position=staff.head)
    sector = SubdivisionFactory(code="legal-sector", parent=staff.legal)
    first = EmployeeFactory(user=UserFactory(username="first-head", roles=["head_of_subdivision"]))
    second = EmployeeFactory(user=UserFactory(username="second-head", roles=["head_of_subdivision"]))
    lawyer = EmployeeFactory(user=UserFactory(username="lawyer"))

    def may_change(employee, subdivision):
        fresh = type(employee.user).objects.get(pk=employee.user_id)  # the next request's user
        return policy.can(fresh, "structure.change_subdivision", subdivision)

    staff.effect(staff.action(lawyer, A.APPOINTMENT, later(1), staff.legal, staff.lawyer))
    assert not may_change(lawyer, staff.legal)  # not the head's post

    staff.effect(staff.action(first, A.APPOINTMENT, later(1), staff.legal, staff.head))
    assert may_change(first, staff.legal) and may_change(first, sector)
    assert not may_change(first, staff.hr_division)

    staff.effect(staff.action(lawyer, A.ACTING, later(5), staff.legal, staff.head))
    assert may_change(lawyer, staff.legal) and may_change(first, staff.legal)

    staff.effect(staff.action(first, A.TRANSFER, later(30), staff.legal, staff.lawyer))
    assert not may_change(first, staff.legal) and not may_change(first, sector)

    staff.effect(staff.action(second, A.APPOINTMENT, later(31), staff.legal, staff.head))
    assert may_change(second, sector) and not may_change(lawyer, staff.legal)  # the acting ends
    staff.effect(staff.action(second, A.DISMISSAL, later(60)))
    assert not may_change(second, staff.legal)
