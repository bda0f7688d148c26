"""Who may do what with orders. The rules answer "who"; the status table in enums.py says "when"."""

from django.db.models import Q
from django.utils import timezone
from wagtail.permissions import register_permission_policy

from governance.access.policy import has_permission, has_role, list_filter, permission_rule, rule
from governance.access.wagtail import AccessPolicy
from governance.orders.enums import EDITABLE, Confidentiality
from governance.orders.models import Order, Series
from governance.staff.selectors import is_acting_chairman

for action in ("add", "change"):
    permission_rule(f"orders.{action}_series")


@rule("orders.view_series")
def view_series(user, series=None):
    """Whoever keeps the series, and whoever drafts: a draft names its series (the chooser lists them)."""
    return has_permission(user, "orders.view_series") or has_permission(user, "orders.add_order")


@list_filter("orders.view_series")
def visible_series(user, queryset):
    return queryset if view_series(user) else queryset.none()


def is_signer(user) -> bool:
    """The chairman, or a deputy whose delegation covers today (acting chairman)."""
    return has_role(user, "chairman") or is_acting_chairman(user, timezone.localdate())


def _takes_part(user, order: Order) -> bool:
    return order.drafter_id == user.pk or any(a.approver_id == user.pk for a in order.approvals.all())


@rule("orders.view_order")
def view_order(user, order=None):
    if order is None:
        return has_permission(user, "orders.view_order")
    if order.effective_confidentiality() == Confidentiality.PERSONNEL:
        return has_permission(user, "orders.view_personnel_order") or _takes_part(user, order)
    return has_permission(user, "orders.view_order") or _takes_part(user, order)


@list_filter("orders.view_order")
def visible_orders(user, queryset):
    mine = Q(drafter=user) | Q(approvals__approver=user)
    if has_permission(user, "orders.view_personnel_order"):
        return queryset
    personnel = Q(confidentiality=Confidentiality.PERSONNEL) | Q(
        confidentiality="", series__confidentiality=Confidentiality.PERSONNEL
    )
    if has_permission(user, "orders.view_order"):
        allowed = ~personnel | Q(pk__in=queryset.model.objects.filter(mine).values("pk"))
    else:
        allowed = Q(pk__in=queryset.model.objects.filter(mine).values("pk"))
    return queryset.filter(allowed)


@rule("orders.add_order")
def add_order(user, obj=None):
    return has_permission(user, "orders.add_order")


def _edits(user, order) -> bool:
    if order is None:
        return has_permission(user, "orders.add_order")
    return order.drafter_id == user.pk or has_permission(user, "orders.change_order")


@rule("orders.change_order")
def change_order(user, order=None):
    return _edits(user, order) and (order is None or order.status in EDITABLE)


@rule("orders.submit")
def submit(user, order=None):
    return _edits(user, order)


def _current_approver(user, order) -> bool:
    if order is None or order.drafter_id == user.pk:  # nobody approves his own draft
        return False
    sheet = sorted(order.approvals.all(), key=lambda a: (a.sort_order is None, a.sort_order or 0, a.pk))
    pending = [a for a in sheet if a.decision == "pending"]
    return bool(pending) and pending[0].approver_id == user.pk


rule("orders.approve")(_current_approver)
rule("orders.reject")(_current_approver)


@rule("orders.return")
def return_for_revision(user, order=None):
    """The signer, or anyone on the approval sheet, may send the draft back to its drafter."""
    if order is None:
        return False
    return is_signer(user) or any(a.approver_id == user.pk for a in order.approvals.all())


def _signs(user, order=None) -> bool:
    return is_signer(user)


for action in ("sign", "suspend", "resume", "cancel"):
    rule(f"orders.{action}")(_signs)


@rule("orders.publish")
def publish(user, order=None):
    return has_permission(user, "orders.publish_order")


rule("orders.verify")(view_order)


@rule("orders.read_published", public=True)
def read_published(user, order=None):
    """Anyone, signed in or not, reads a published public order: the registry, the API, search."""
    return order is None or order.is_published_for_everyone()


@list_filter("orders.read_published")
def published_orders(user, queryset):
    return queryset.public()


# Wagtail's "change" is allowed only on drafts; no rule deletes an order.
register_permission_policy(Order, AccessPolicy(Order))
register_permission_policy(Series, AccessPolicy(Series))
