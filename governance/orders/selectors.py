"""Reads that several views share: the admin list and inspect page, the registry, the API."""

import datetime

from django.db.models import Prefetch, QuerySet

from governance.access import policy
from governance.orders.enums import ACTING, ACTIONS, Confidentiality, may_take
from governance.orders.models import Order, OrderApproval, OrderLink


def orders_for_list(queryset: QuerySet) -> QuerySet:
    """What a list of orders shows, in a fixed number of queries whatever its length."""
    return queryset.select_related("series", "subdivision").prefetch_related("approvals")


def orders_with_details(queryset: QuerySet) -> QuerySet:
    """One order's page: its points, approval sheet, attachments and links both ways."""
    return queryset.select_related("series", "subdivision", "drafter", "signed_by").prefetch_related(
        "points",
        Prefetch("approvals", queryset=OrderApproval.objects.select_related("approver")),
        "attachments",
        "amends",
        "amended_by",
        Prefetch("actions_taken", queryset=OrderLink.objects.select_related("target")),
        Prefetch("actions_received", queryset=OrderLink.objects.select_related("source")),
    )


def available_actions(user, order: Order) -> list[str]:
    """The transitions ``user`` may take on ``order`` now: the admin shows exactly these buttons."""
    found = []
    for action in ACTIONS:
        if not may_take(action, order.status) or not policy.can(user, f"orders.{action}", order):
            continue
        if action == "publish" and order.confidentiality != Confidentiality.PUBLIC:
            continue
        found.append(action)
    return found


def acting_orders(*, exclude: Order) -> QuerySet:
    """Signed orders that may suspend, resume or cancel ``exclude``."""
    return Order.objects.filter(status__in=ACTING).exclude(pk=exclude.pk).select_related("series")[:200]


def awaiting_signature() -> QuerySet:
    return Order.objects.awaiting_signature().select_related("series", "drafter").order_by("updated_at")


def _published(user) -> QuerySet:
    return policy.visible(user, "orders.read_published", Order.objects.all())


def public_registry(
    user, *, year: int | None = None, query: str = "", in_force_on: datetime.date | None = None
) -> QuerySet:
    """Published public orders, newest first, filtered by year, a search and a date in force."""
    orders = _published(user)
    if year:
        orders = orders.filter(year=year)
    if in_force_on:
        orders = orders.filter(pk__in=Order.objects.in_force_on(in_force_on).values("pk"))
    orders = orders.select_related("series").order_by("-signed_on", "-number")
    if query:
        return orders.search(query, order_by_relevance=False)
    return orders


def public_years(user) -> list[int]:
    return list(_published(user).order_by("-year").values_list("year", flat=True).distinct())


def public_order(user, pk: int) -> Order:
    return orders_with_details(_published(user)).get(pk=pk)
