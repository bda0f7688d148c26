import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from governance.access import policy
from governance.bodies import selectors, services
from governance.bodies.enums import Basis, BodyKind, MemberRole
from governance.bodies.models import Membership
from tests.factories import UserFactory
from tests.governance.bodies.factories import TODAY, Collegium

pytestmark = pytest.mark.django_db


def test_the_collegium_of_five_with_its_posts_and_the_government_office_is_valid():
    assert selectors.composition_problems(Collegium().body) == []


def test_a_sixth_member_breaks_the_collegium_and_no_meeting_is_held_with_it():
    collegium = Collegium()
    collegium.seat("sixth", MemberRole.MEMBER, Basis.PRIME_MINISTER)

    problems = selectors.composition_problems(collegium.body)
    assert problems == ["The collegium must have exactly 5 members; it has 6."]
    meeting = collegium.meeting()
    with pytest.raises(ValidationError, match="composition"):
        services.attendance_register(actor=collegium.secretary, meeting=meeting, present=collegium.members)
    assert meeting.attendance.count() == 0


def test_without_the_government_office_or_an_ex_officio_post_the_composition_says_what_is_wrong():
    collegium = Collegium()
    Membership.objects.filter(user=collegium.government).update(represents_government_office=False)
    Membership.objects.filter(user=collegium.state_secretary).update(basis=Basis.PRIME_MINISTER, post="")

    problems = selectors.composition_problems(collegium.body)
    assert "Exactly one member must represent the Government Office." in problems
    assert any("Статс-катчы" in problem for problem in problems)


def test_a_working_group_has_no_size_rule_but_needs_one_chair():
    group = Collegium(code="group", kind=BodyKind.WORKING_GROUP)
    assert selectors.composition_problems(group.body) == []
    Membership.objects.filter(user=group.chair).update(role=MemberRole.MEMBER)
    assert selectors.composition_problems(group.body) == ["The body must have exactly one chair; it has 0."]


def test_an_ex_officio_seat_needs_its_post_and_one_person_sits_once():
    collegium = Collegium()
    with pytest.raises(ValidationError):
        services.membership_add(
            actor=collegium.admin, body=collegium.body, user=UserFactory(), basis=Basis.EX_OFFICIO, starts_on=TODAY
        )
    with pytest.raises(ValidationError):
        services.membership_add(
            actor=collegium.admin, body=collegium.body, user=collegium.chair, basis=Basis.ORDER, starts_on=TODAY
        )
    assert collegium.body.memberships.count() == 5


def test_only_who_keeps_the_bodies_seats_members():
    collegium = Collegium()
    with pytest.raises(PermissionDenied):
        services.membership_add(
            actor=collegium.chair, body=collegium.body, user=UserFactory(), basis=Basis.ORDER, starts_on=TODAY
        )


def test_joining_grants_the_meetings_and_leaving_revokes_them_from_the_day_after():
    collegium = Collegium()
    meeting = collegium.meeting()
    member = collegium.government
    assert policy.can(member, "bodies.view_meeting", meeting)
    assert not policy.can(collegium.outsider, "bodies.view_meeting", meeting)

    membership = Membership.objects.get(user=member)
    today = timezone.localdate()
    services.membership_end(actor=collegium.admin, membership=membership, ends_on=today)
    assert policy.can(member, "bodies.view_meeting", meeting)  # the last day still counts

    services.membership_end(actor=collegium.admin, membership=membership, ends_on=today - datetime.timedelta(days=1))
    assert not policy.can(member, "bodies.view_meeting", meeting)
    assert not collegium.body.bodyuserobjectpermission_set.filter(user=member).exists()


def test_a_member_of_another_body_does_not_read_this_one():
    collegium, council = Collegium(), Collegium(code="council", kind=BodyKind.PUBLIC_COUNCIL)
    meeting = collegium.meeting()
    assert not policy.can(council.chair, "bodies.view_meeting", meeting)
    assert list(policy.visible(council.chair, "bodies.view_body", type(collegium.body).objects.all())) == [council.body]
