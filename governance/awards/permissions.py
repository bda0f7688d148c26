"""Who may do what with awards: HR keeps the kinds; HR and heads of subdivisions propose; the
chairman (or the acting chairman) decides; the collegium's secretary records the collegium's
decision; only the signing of the order confers. Nominations and awards of people are personal
data: the leadership and HR read all, a head those of the subtree they head and their own
proposals, an employee their own awards."""

from django.db.models import Q
from django.utils import timezone
from wagtail.permissions import register_permission_policy

from governance.access.policy import list_filter, role_codes, rule
from governance.access.wagtail import AccessPolicy
from governance.awards.models import Award, AwardKind, Nomination
from governance.staff.permissions import headed_subdivisions
from governance.staff.selectors import is_acting_chairman

LEADERSHIP = ("chairman", "deputy_chairman", "state_secretary")
READ_ALL = (*LEADERSHIP, "hr_officer")


def _any_role(user, *codes) -> bool:
    return bool(role_codes(user) & set(codes))


def _decides(user) -> bool:
    cached = getattr(user, "_awards_decides", None)
    if cached is None:
        cached = "chairman" in role_codes(user) or (
            user.is_authenticated and is_acting_chairman(user, timezone.localdate())
        )
        user._awards_decides = cached
    return cached


# Kinds of award: what the agency gives; HR keeps the list, the others who propose or decide read it.


@rule("awards.view_awardkind")
def view_awardkind(user, kind=None):
    return bool(role_codes(user))


@list_filter("awards.view_awardkind")
def visible_kinds(user, queryset):
    return queryset if view_awardkind(user) else queryset.none()


@rule("awards.add_awardkind")
def add_awardkind(user, kind=None):
    return "hr_officer" in role_codes(user)


@rule("awards.change_awardkind")
def change_awardkind(user, kind=None):
    return "hr_officer" in role_codes(user)


@list_filter("awards.change_awardkind")
def changeable_kinds(user, queryset):
    return queryset if change_awardkind(user) else queryset.none()


# Nominations.


def _reads_all(user) -> bool:
    return _any_role(user, *READ_ALL) or _decides(user)


@rule("awards.view_nomination")
def view_nomination(user, nomination=None):
    if _reads_all(user) or (nomination is None and _any_role(user, "head_of_subdivision", "collegium_secretary")):
        return True
    if nomination is None:
        return False
    if "collegium_secretary" in role_codes(user) and nomination.kind.needs_collegium:
        return True
    if "head_of_subdivision" not in role_codes(user):
        return False
    return nomination.proposed_by_id == user.pk or nomination.subdivision_id in headed_subdivisions(user)


@list_filter("awards.view_nomination")
def visible_nominations(user, queryset):
    if _reads_all(user):
        return queryset
    allowed = Q(pk__in=[])
    if "collegium_secretary" in role_codes(user):
        allowed |= Q(kind__needs_collegium=True)
    if "head_of_subdivision" in role_codes(user):
        allowed |= Q(proposed_by_id=user.pk) | Q(subdivision_id__in=headed_subdivisions(user))
    return queryset.filter(allowed)


@rule("awards.add_nomination")
def add_nomination(user, nomination=None):
    return _any_role(user, "hr_officer", "head_of_subdivision")


@rule("awards.collegium")
def collegium(user, nomination=None):
    return _any_role(user, "chairman", "collegium_secretary")


@rule("awards.approve")
def approve(user, nomination=None):
    return _decides(user)


@rule("awards.reject")
def reject(user, nomination=None):
    return _decides(user)


@rule("awards.confer")
def confer(user, nomination=None):
    return False  # only the signing of the order of the awards series


@rule("awards.draft_order")
def draft_order(user, obj=None):
    return "hr_officer" in role_codes(user)


# Awards conferred: on the person's record.


@rule("awards.view_award")
def view_award(user, award=None):
    if _reads_all(user):
        return True
    if award is None:
        return bool(headed_subdivisions(user)) or Award.objects.filter(employee__user_id=user.pk).exists()
    if award.employee_id is not None and award.employee.user_id == user.pk:
        return True
    return award.subdivision_id in headed_subdivisions(user)


@list_filter("awards.view_award")
def visible_awards(user, queryset):
    if _reads_all(user):
        return queryset
    return queryset.filter(Q(employee__user_id=user.pk) | Q(subdivision_id__in=headed_subdivisions(user)))


# Kinds change only through their service, nominations through theirs, awards only by a signed order:
# no rule deletes any of them.
for model in (AwardKind, Nomination, Award):
    register_permission_policy(model, AccessPolicy(model))
