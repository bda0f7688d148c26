"""Who may do what in a collegial body. Membership grants the object permission "bodies.view_body"
on the body (``services.membership_add``); the rules also ask that the membership be in force
today, so that a membership that ended stops answering from the day after it ended."""

from django.utils import timezone
from wagtail.permissions import register_permission_policy

from governance.access import objects
from governance.access.policy import has_permission, list_filter, permission_rule, role_codes, rule
from governance.access.wagtail import AccessPolicy
from governance.bodies import selectors
from governance.bodies.enums import RECOMMENDATION_LIFECYCLE, RUNS_MEETINGS, BodyKind, RecommendationStatus
from governance.bodies.models import Body, Meeting, Membership, Recommendation

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


@list_filter("bodies.view_meeting")
def visible_meetings(user, queryset):
    return queryset.filter(body__in=visible_bodies(user, Body.objects.all()))


@rule("bodies.view_material")
def view_material(user, material=None):
    """A member reads an item's materials, unless recused from that item."""
    if material is None or not view_meeting(user, material.item.meeting):
        return False
    return not material.item.declarations.filter(user=user).exists()


@list_filter("bodies.view_material")
def visible_materials(user, queryset):
    meetings = visible_meetings(user, Meeting.objects.all())
    return queryset.filter(item__meeting__in=meetings).exclude(item__declarations__user=user)


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


# The Public Council's recommendations: the council's chair and secretary record, close and publish
# them; the chairman, the deputies and the state secretary answer; the council's members read them.

RESPONDERS = ("chairman", "deputy_chairman", "state_secretary")


def _responds(user) -> bool:
    return bool(role_codes(user) & set(RESPONDERS))


def _bodies_run_by(user):
    """The bodies whose chair or secretary the user is today."""
    if not user.is_authenticated:
        return Body.objects.none()
    seats = Membership.objects.active_on(timezone.localdate()).filter(user=user, role__in=RUNS_MEETINGS)
    return Body.objects.filter(pk__in=seats.values("body"))


def _runs_a_council(user) -> bool:
    return _bodies_run_by(user).filter(kind=BodyKind.PUBLIC_COUNCIL).exists()


@rule("bodies.view_recommendation")
def view_recommendation(user, recommendation=None):
    if _responds(user) or has_permission(user, "bodies.change_body"):
        return True
    if recommendation is None:
        return selectors.my_bodies(user).filter(kind=BodyKind.PUBLIC_COUNCIL).exists()
    return view_body(user, recommendation.body)


@list_filter("bodies.view_recommendation")
def visible_recommendations(user, queryset):
    if _responds(user) or has_permission(user, "bodies.change_body"):
        return queryset
    return queryset.filter(body__in=visible_bodies(user, Body.objects.all()))


@rule("bodies.add_recommendation")
def add_recommendation(user, obj=None):
    return has_permission(user, "bodies.change_body") or _runs_a_council(user)


@rule("bodies.change_recommendation")
def change_recommendation(user, recommendation=None):
    if recommendation is None:
        return add_recommendation(user)
    return recommendation.status == RecommendationStatus.ADOPTED and schedule(user, recommendation.body)


@list_filter("bodies.change_recommendation")
def changeable_recommendations(user, queryset):
    queryset = queryset.filter(status=RecommendationStatus.ADOPTED)
    if has_permission(user, "bodies.change_body"):
        return queryset
    return queryset.filter(body__in=_bodies_run_by(user))


rule("bodies.delete_recommendation")(lambda user, obj=None: False)
list_filter("bodies.delete_recommendation")(lambda user, queryset: queryset.none())


@rule(RECOMMENDATION_LIFECYCLE.policy_action("answer"))
def answer_recommendation(user, recommendation=None):
    return _responds(user)


@rule(RECOMMENDATION_LIFECYCLE.policy_action("close"))
@rule(RECOMMENDATION_LIFECYCLE.policy_action("publish"))
def keep_recommendation(user, recommendation=None):
    return recommendation is not None and schedule(user, recommendation.body)


@rule("bodies.read_published_recommendation", public=True)
def read_published_recommendation(user, recommendation=None):
    return recommendation is None or recommendation.published_at is not None


@list_filter("bodies.read_published_recommendation")
def published_recommendations(user, queryset):
    return queryset.published()


register_permission_policy(Recommendation, AccessPolicy(Recommendation))


class ReadOnlyAccessPolicy(AccessPolicy):
    """The admin's screens of bodies and meetings only read them, for the members the policy lets
    read: every change goes through the services, from the members' portal."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and super().user_has_permission_for_instance(user, action, instance)

    def instances_user_has_permission_for(self, user, action):
        if action != "view":
            return self.model._default_manager.none()
        return super().instances_user_has_permission_for(user, action)


for model in (Body, Meeting):
    register_permission_policy(model, ReadOnlyAccessPolicy(model))
