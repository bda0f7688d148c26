"""Open data: published public orders, both texts on each record. Read-only."""

import datetime

from django.http import Http404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from governance.access.params import YEARS, ApiId, Pagination
from governance.orders import selectors
from governance.orders.models import Order

router = Router(tags=["orders"])


class PointOut(Schema):
    text_ky: str
    text_ru: str


class LinkOut(Schema):
    kind: str
    order_number: str
    order_year: int
    reason_ky: str
    reason_ru: str


class OrderOut(Schema):
    id: int
    series: str
    number: str
    year: int
    signed_on: datetime.date
    effective_from: datetime.date
    expires_on: datetime.date | None
    status: str
    title_ky: str
    title_ru: str

    @staticmethod
    def resolve_series(order):
        return order.series.code

    @staticmethod
    def resolve_number(order):
        return order.number_display


class OrderDetailOut(OrderOut):
    preamble_ky: str
    preamble_ru: str
    points: list[PointOut]
    content_sha256: str
    file_sha256: str
    suspended_resumed_or_cancelled_by: list[LinkOut]

    @staticmethod
    def resolve_points(order):
        return list(order.points.all())

    @staticmethod
    def resolve_suspended_resumed_or_cancelled_by(order):
        # Only published public orders are named: an internal order acting on this one is not.
        return [
            {
                "kind": line.kind,
                "order_number": line.other.number_display,
                "order_year": line.other.year,
                "reason_ky": line.link.reason_ky,
                "reason_ru": line.link.reason_ru,
            }
            for line in selectors.public_links(order)
            if not line.taken and line.link is not None
        ]


class OrderFilter(Schema):
    year: int | None = Field(None, ge=YEARS[0], le=YEARS[1])


@router.get("/", response=list[OrderOut], summary="Published public orders, newest first")
@paginate(Pagination)
def orders(request, filters: Query[OrderFilter]):
    return selectors.public_registry(request.user, year=filters.year)


@router.get("/{order_id}/", response=OrderDetailOut, summary="One published order with both texts")
def order(request, order_id: int = ApiId()):
    try:
        return selectors.public_order(request.user, order_id)
    except Order.DoesNotExist:
        raise Http404 from None
