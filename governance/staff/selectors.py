import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db.models import Count, DecimalField, F, QuerySet, Sum

from governance.access.roles import ACTING_CHAIRMAN_ROLES
from governance.staff.models import Delegation, PostHolding, StaffingTable


def is_acting_chairman(user, day: datetime.date) -> bool:
    """Whether ``user`` holds a delegation of the chairman's powers that covers ``day``."""
    return Delegation.objects.covering(day).filter(delegate_id=user.pk).exists()


def chairman_deputies() -> QuerySet:
    """Who may receive the chairman's powers: active holders of a role the roles table allows."""
    return get_user_model().objects.filter(is_active=True, groups__role__code__in=ACTING_CHAIRMAN_ROLES).distinct()


def may_act_for_chairman(user) -> bool:
    return chairman_deputies().filter(pk=user.pk).exists()


def staffing_in_force(day: datetime.date):
    """The version of the staffing table in force on ``day``, or None."""
    return StaffingTable.objects.in_force_on(day)


@dataclass(frozen=True)
class Vacancy:
    subdivision: object
    position: object
    units: int
    occupied: int

    @property
    def vacant(self) -> int:
        return max(self.units - self.occupied, 0)


def occupied_units(day: datetime.date, *, exclude_employee=None) -> dict[tuple[int, int], int]:
    """(subdivision id, position id) → how many employees hold that post on ``day`` (not acting)."""
    holdings = PostHolding.objects.on(day).filter(acting=False)
    if exclude_employee is not None:
        holdings = holdings.exclude(employee=exclude_employee)
    counted = holdings.values("subdivision_id", "position_id").annotate(n=Count("pk"))
    return {(row["subdivision_id"], row["position_id"]): row["n"] for row in counted}


def vacancies_on(day: datetime.date, *, subdivisions=None) -> list[Vacancy]:
    """Units in force on ``day`` minus units occupied, by subdivision and position (two queries)."""
    table = staffing_in_force(day)
    if table is None:
        return []
    rows = table.rows.select_related("subdivision", "position").order_by("subdivision__sort_order", "pk")
    if subdivisions is not None:
        rows = rows.filter(subdivision__in=subdivisions)
    occupied = occupied_units(day)
    return [
        Vacancy(row.subdivision, row.position, row.units, occupied.get((row.subdivision_id, row.position_id), 0))
        for row in rows
    ]


def post_on(employee, day: datetime.date):
    """The post ``employee`` holds (not acting) on ``day``, or None."""
    return PostHolding.objects.on(day).filter(employee=employee, acting=False).first()


def staffing_totals(table) -> tuple[int, Decimal]:
    """The units of a version and their salaries for one month."""
    totals = table.rows.aggregate(
        total_units=Sum("units"), total_monthly=Sum(F("units") * F("monthly_salary"), output_field=DecimalField())
    )
    return totals["total_units"] or 0, totals["total_monthly"] or Decimal(0)


def post_history(employee):
    """Every post ``employee`` held or holds, with the order that put them there, latest first."""
    return (
        PostHolding.objects.filter(employee=employee)
        .select_related("subdivision", "position", "action__order")
        .order_by("-date_from", "-pk")
    )
