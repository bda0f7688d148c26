"""Reads that several views share: the admin list and inspect page, the registry, the API."""

import dataclasses
import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from wagtail.log_actions import registry as log_registry

from governance.access import policy
from governance.access.people import with_posts
from governance.orders.enums import ACTING, ApprovalDecision, Confidentiality, OrderStatus
from governance.orders.models import Order, OrderApproval, OrderLink
from governance.staff.models import Delegation
from search.query import text_query


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


def acting_orders(*, for_order: Order) -> QuerySet:
    """Signed orders that name ``for_order`` in their links or text, and so may suspend, resume or
    cancel it (``Order.names``)."""
    number = for_order.number_display or "\0"  # an unsigned order is named by no text
    mentions = Q(amends=for_order)
    for field in ("preamble_ky", "preamble_ru", "points__text_ky", "points__text_ru"):
        mentions |= Q(**{f"{field}__contains": number})
    candidates = (
        Order.objects.filter(mentions, status__in=ACTING)
        .exclude(pk=for_order.pk)
        .distinct()
        .prefetch_related("amends", "points")
    )
    named = [order.pk for order in candidates if order.names(for_order)]
    return Order.objects.filter(pk__in=named).select_related("series")


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
        return orders.search(text_query(query), order_by_relevance=False)
    return orders


def public_years(user) -> list[int]:
    return list(_published(user).order_by("-year").values_list("year", flat=True).distinct())


def public_order(user, pk: int) -> Order:
    return orders_with_details(_published(user)).get(pk=pk)


def public_order_by_number(user, year: int, number: str) -> Order:
    """A published public order by its year and its number as printed ("9", "9-к"). A series's
    suffix tells its numbers apart; should two public series share one, the first series wins."""
    order = orders_with_details(_published(user)).filter(year=year, number_display=number).order_by("series__code")
    found = order.first()
    if found is None:
        raise Order.DoesNotExist
    return found


@dataclasses.dataclass(frozen=True)
class PublicLink:
    """One line of an order's links on its public page: ``order`` ``kind``s the other one
    (``taken``), or the other one ``kind``s ``order`` (not taken); ``link`` holds the reason."""

    kind: str  # a LinkKind value, or "amends"
    taken: bool
    other: Order
    link: OrderLink | None = None


def public_links(order: Order) -> list[PublicLink]:
    """The links of a published order that a reader may follow: only to other published public
    orders. An internal or personnel order that acts on this one is not named, nor is its reason."""
    lines = []
    for link in order.actions_taken.all():
        if link.target.is_published_for_everyone():
            lines.append(PublicLink(link.kind, True, link.target, link))
    for link in order.actions_received.all():
        if link.source.is_published_for_everyone():
            lines.append(PublicLink(link.kind, False, link.source, link))
    acting_on = {line.other.pk for line in lines if line.taken}
    acted_by = {line.other.pk for line in lines if not line.taken}
    for target in order.amends.all():
        if target.is_published_for_everyone() and target.pk not in acting_on:
            lines.append(PublicLink("amends", True, target))
    for source in order.amended_by.all():
        if source.is_published_for_everyone() and source.pk not in acted_by:
            lines.append(PublicLink("amends", False, source))
    return lines


def _for_desk(queryset: QuerySet) -> QuerySet:
    drafters = with_posts(get_user_model().objects.all())
    return queryset.select_related("series").prefetch_related(Prefetch("drafter", queryset=drafters))


def to_approve(user) -> QuerySet:
    """Orders in approval whose turn on the approval sheet is ``user``'s."""
    earlier = OrderApproval.objects.filter(order=OuterRef("order"), decision=ApprovalDecision.PENDING).filter(
        Q(sort_order__lt=OuterRef("sort_order")) | Q(sort_order=OuterRef("sort_order"), pk__lt=OuterRef("pk"))
    )
    mine = OrderApproval.objects.filter(approver=user, decision=ApprovalDecision.PENDING).exclude(Exists(earlier))
    return _for_desk(Order.objects.filter(status=OrderStatus.IN_APPROVAL, pk__in=mine.values("order")))


def returned_to(user) -> QuerySet:
    """Drafts of ``user`` last rejected or returned for revision, not yet sent again."""
    last_step = (
        log_registry.get_log_model_for_model(Order)
        .objects.filter(
            content_type=ContentType.objects.get_for_model(Order),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            action__in=["orders.submit", "orders.reject", "orders.return"],
        )
        .order_by("-timestamp", "-pk")
        .values("action")[:1]
    )
    return _for_desk(
        Order.objects.filter(drafter=user, status=OrderStatus.DRAFT)
        .annotate(last_step=Subquery(last_step))
        .filter(last_step__in=["orders.reject", "orders.return"])
    )


def to_sign() -> QuerySet:
    return _for_desk(Order.objects.awaiting_signature())


def to_publish() -> QuerySet:
    return _for_desk(Order.objects.filter(status=OrderStatus.SIGNED, confidentiality=Confidentiality.PUBLIC))


def signers(day: datetime.date):
    """Who signs on ``day``: the chairman, and whoever holds a delegation that covers the day."""
    return (
        get_user_model()
        .objects.filter(
            Q(groups__role__code="chairman") | Q(pk__in=Delegation.objects.covering(day).values("delegate")),
            is_active=True,
        )
        .distinct()
    )


def publishers():
    return get_user_model().objects.with_perm(
        "orders.publish_order", include_superusers=False, backend="django.contrib.auth.backends.ModelBackend"
    )
