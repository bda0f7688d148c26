"""Who may do what in a collegial body. Membership grants the object permission "bodies.view_body"
on the body (``services.membership_add``); the rules also ask that the membership be in force
today, so that a membership that ended stops answering from the day after it ended."""

from django.utils import timezone

from governance.access import objects
from governance.access.policy import has_permission, list_filter, permission_rule, rule
from governance.bodies import selectors
from governance.bodies.enums import RUNS_MEETINGS

permission_rule("bodies.add_body")
permission_rule("bodies.change_body")


def _member(user, body):
    return selectors.membership_of(user, body, timezone.localdate())


@rule("bodies.view_body")
def view_body(user, body=None):
    if body is None:
        return has_permission(user, "bodies.view_body")
    if user.has_perm("bodies.view_body"):
        return True
    return has_permission(user, "bodies.view_body", body) and _member(user, body) is not None


@list_filter("bodies.view_body")
def visible_bodies(user, queryset):
    if user.has_perm("bodies.view_body"):
        return queryset
    mine = selectors.my_bodies(user).values("pk")
    return objects.objects_with_permission(user, "bodies.view_body", queryset).filter(pk__in=mine)


@rule("bodies.view_meeting")
def view_meeting(user, meeting=None):
    return meeting is not None and view_body(user, meeting.body)


@rule("bodies.view_material")
def view_material(user, material=None):
    """A member reads an item's materials, unless recused from that item."""
    if material is None or not view_meeting(user, material.item.meeting):
        return False
    return not material.item.declarations.filter(user=user).exists()


@rule("bodies.run_meeting")
def run_meeting(user, meeting=None):
    """The chair or the secretary of the body registers attendance and opens and closes polls."""
    if meeting is None or not view_meeting(user, meeting):
        return False
    membership = _member(user, meeting.body)
    return membership is not None and membership.role in RUNS_MEETINGS


@rule("bodies.vote")
def vote(user, poll=None):
    """Members vote; whether this member may vote now (present, not recused, poll open) the service says."""
    return poll is not None and view_meeting(user, poll.item.meeting)


@rule("bodies.declare")
def declare(user, item=None):
    return item is not None and view_meeting(user, item.meeting)


@rule("bodies.schedule")
def schedule(user, body=None):
    """The chair or the secretary of the body plans its meetings; so does whoever changes bodies."""
    if body is None:
        return False
    if has_permission(user, "bodies.change_body"):
        return True
    membership = _member(user, body)
    return membership is not None and membership.role in RUNS_MEETINGS
