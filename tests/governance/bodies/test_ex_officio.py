"""Ex officio seats follow the staff data: a signed personnel order moves the seat of a post."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone

from governance.access import policy
from governance.bodies import selectors, services
from governance.bodies.enums import Basis, MemberRole
from governance.bodies.models import Membership
from governance.staff.enums import ActionKind
from tests.factories import UserFactory
from tests.governance.bodies.factories import Collegium
from tests.governance.orders.factories import People
from tests.governance.staff.factories import DAY, EmployeeFactory, Staff

pytestmark = pytest.mark.django_db

A = ActionKind


@pytest.fixture
def setting(roles):
    """The collegium whose chair sits by the post of the head of the legal division (one unit),
    held by the chair since the first day."""
    collegium = Collegium()
    staff = Staff(People())
    chairman = EmployeeFactory(user=collegium.chair)
    staff.effect(staff.action(chairman, A.APPOINTMENT, DAY, staff.legal, staff.head))
    Membership.objects.filter(user=collegium.chair).update(position=staff.head)
    return collegium, staff, chairman


def _material(collegium):
    meeting = collegium.meeting()
    return services.material_add(
        actor=collegium.secretary,
        item=meeting.items.get(),
        title="Маалымкат",
        file=ContentFile(b"%PDF", name="a.pdf"),
    )


def _seat(user, body):
    return Membership.objects.get(user=user, body=body)


def test_a_new_chairman_sits_on_the_collegium_from_the_order_and_the_previous_one_loses_access(setting):
    collegium, staff, chairman = setting
    material = _material(collegium)
    change = timezone.localdate() - datetime.timedelta(days=10)
    successor_user = UserFactory(username="successor")
    successor = EmployeeFactory(user=successor_user)
    assert not policy.can(successor_user, "bodies.view_material", material)

    staff.effect(staff.action(chairman, A.DISMISSAL, change - datetime.timedelta(days=1)))
    assert _seat(collegium.chair, collegium.body).ends_on == change - datetime.timedelta(days=1)
    assert not policy.can(collegium.chair, "bodies.view_material", material)
    # the chairman's post is left without its seat until the new holder is appointed
    assert "The body must have exactly one chair; it has 0." in selectors.composition_problems(collegium.body)

    staff.effect(staff.action(successor, A.APPOINTMENT, change, staff.legal, staff.head))

    seat = _seat(successor_user, collegium.body)
    assert (seat.role, seat.basis, seat.post, seat.position, seat.starts_on, seat.ends_on) == (
        MemberRole.CHAIR,
        Basis.EX_OFFICIO,
        "chairman",
        staff.head,
        change,
        None,
    )
    assert seat.basis_act.startswith("№ ")
    assert policy.can(successor_user, "bodies.view_meeting", material.item.meeting)
    assert policy.can(successor_user, "bodies.view_material", material)
    assert not policy.can(collegium.chair, "bodies.view_material", material)
    assert not policy.can(collegium.chair, "bodies.view_meeting", material.item.meeting)
    assert selectors.composition_problems(collegium.body) == []
    chairs = selectors.members_on(collegium.body, change - datetime.timedelta(days=2)).filter(role=MemberRole.CHAIR)
    assert [m.user for m in chairs] == [collegium.chair]


def test_a_transfer_out_of_the_post_ends_the_seat_the_day_before_and_the_next_holder_takes_it(setting):
    collegium, staff, chairman = setting
    change = timezone.localdate() - datetime.timedelta(days=5)
    staff.effect(staff.action(chairman, A.TRANSFER, change, staff.legal, staff.lawyer))
    assert _seat(collegium.chair, collegium.body).ends_on == change - datetime.timedelta(days=1)

    successor_user = UserFactory(username="successor")
    staff.effect(staff.action(EmployeeFactory(user=successor_user), A.APPOINTMENT, change, staff.legal, staff.head))
    assert _seat(successor_user, collegium.body).starts_on == change
    assert selectors.composition_problems(collegium.body) == []


def test_a_second_holder_of_a_post_with_several_units_leaves_the_seat_where_it_is(setting):
    collegium, staff, _chairman = setting
    deputy = EmployeeFactory(user=collegium.deputy)
    staff.effect(staff.action(deputy, A.APPOINTMENT, DAY, staff.legal, staff.lawyer))
    Membership.objects.filter(user=collegium.deputy).update(position=staff.lawyer)
    other = UserFactory(username="other-lawyer")

    staff.effect(
        staff.action(
            EmployeeFactory(user=other), A.APPOINTMENT, DAY + datetime.timedelta(days=3), staff.legal, staff.lawyer
        )
    )

    assert _seat(collegium.deputy, collegium.body).ends_on is None
    assert not Membership.objects.filter(user=other).exists()
    assert selectors.composition_problems(collegium.body) == []


def test_a_new_holder_without_an_account_gets_no_seat_and_the_composition_says_so(setting):
    collegium, staff, chairman = setting
    change = timezone.localdate() - datetime.timedelta(days=3)
    staff.effect(staff.action(chairman, A.DISMISSAL, change - datetime.timedelta(days=1)))
    staff.effect(staff.action(EmployeeFactory(), A.APPOINTMENT, change, staff.legal, staff.head))

    assert collegium.body.memberships.count() == 5
    problems = selectors.composition_problems(collegium.body)
    assert "The body must have exactly one chair; it has 0." in problems
    assert any("chairman" in problem or "Төрага" in problem for problem in problems)


def test_acting_in_the_post_does_not_move_the_seat(setting):
    collegium, staff, _chairman = setting
    stand_in = UserFactory(username="stand-in")
    staff.effect(
        staff.action(
            EmployeeFactory(user=stand_in), A.ACTING, DAY + datetime.timedelta(days=2), staff.legal, staff.head
        )
    )
    assert not Membership.objects.filter(user=stand_in).exists()
    assert _seat(collegium.chair, collegium.body).ends_on is None


def test_only_an_ex_officio_seat_follows_a_position(setting):
    collegium, staff, _chairman = setting
    with pytest.raises(ValidationError):
        services.membership_add(
            actor=collegium.admin,
            body=collegium.body,
            user=UserFactory(),
            basis=Basis.ORDER,
            position=staff.lawyer,
            starts_on=DAY,
        )
    assert collegium.body.memberships.count() == 5
