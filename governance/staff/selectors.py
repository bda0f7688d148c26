import datetime
from dataclasses import dataclass
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.db.models import Count, DecimalField, F, QuerySet, Sum

from governance.access.roles import ACTING_CHAIRMAN_ROLES
from governance.staff.models import Delegation, PostHolding, RankConferral, RankPeriod, StaffingTable, WageLimit
from governance.structure.enums import ClassRank
from governance.structure.models import Position, Subdivision


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
    """Units in force on ``day`` minus units occupied, by subdivision and position (four queries;
    rows read as values: a table of thousands of rows needs no model instance per row)."""
    table = staffing_in_force(day)
    if table is None:
        return []
    rows = table.rows.order_by("subdivision__sort_order", "pk")
    if subdivisions is not None:
        rows = rows.filter(subdivision__in=subdivisions)
    rows = list(rows.values_list("subdivision_id", "position_id", "units"))
    by_subdivision = Subdivision.objects.in_bulk({row[0] for row in rows})
    by_position = Position.objects.in_bulk({row[1] for row in rows})
    occupied = occupied_units(day)
    return [
        Vacancy(by_subdivision[sub], by_position[pos], units, occupied.get((sub, pos), 0)) for sub, pos, units in rows
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


@dataclass(frozen=True)
class AgainstLimits:
    """A version's totals against the limits of the year it takes effect in (``limit`` None: none set)."""

    units: int
    yearly: Decimal
    limit: object

    @property
    def units_left(self):
        return None if self.limit is None else self.limit.staff_limit - self.units

    @property
    def fund_left(self):
        return None if self.limit is None else self.limit.wage_fund - self.yearly

    @property
    def over(self) -> bool:
        return self.limit is None or self.units_left < 0 or self.fund_left < 0


def staffing_against_limits(table) -> AgainstLimits:
    units, monthly = staffing_totals(table)
    limit = WageLimit.objects.filter(year=table.effective_from.year).first()
    return AgainstLimits(units, monthly * 12, limit)


def post_history(employee):
    """Every post ``employee`` held or holds, with the order that put them there, latest first."""
    return (
        PostHolding.objects.filter(employee=employee)
        .select_related("subdivision", "position", "action__order")
        .order_by("-date_from", "-pk")
    )


@dataclass(frozen=True)
class RowChange:
    subdivision: object
    position: object
    before: tuple[int, Decimal] | None  # (units, monthly salary), None: added
    after: tuple[int, Decimal] | None  # None: removed


@dataclass(frozen=True)
class Comparison:
    added: list[RowChange]
    removed: list[RowChange]
    changed: list[RowChange]
    totals_before: tuple[int, Decimal]
    totals_after: tuple[int, Decimal]


def staffing_compare(before, after) -> Comparison:
    """The rows added, removed and changed from version ``before`` to version ``after``, and their totals."""

    def rows(table):
        if table is None:
            return {}
        return {
            (r.subdivision_id, r.position_id): r
            for r in table.rows.select_related("subdivision", "position").order_by("subdivision__sort_order", "pk")
        }

    old, new = rows(before), rows(after)
    added, removed, changed = [], [], []
    for key, row in new.items():
        was = old.get(key)
        now = (row.units, row.monthly_salary)
        if was is None:
            added.append(RowChange(row.subdivision, row.position, None, now))
        elif (was.units, was.monthly_salary) != now:
            changed.append(RowChange(row.subdivision, row.position, (was.units, was.monthly_salary), now))
    for key, row in old.items():
        if key not in new:
            removed.append(RowChange(row.subdivision, row.position, (row.units, row.monthly_salary), None))

    def totals(found):
        return sum(r.units for r in found.values()), sum(
            (r.units * r.monthly_salary for r in found.values()), Decimal(0)
        )

    return Comparison(added, removed, changed, totals(old), totals(new))


# Class ranks: when each civil servant may receive the next one.

RANK_ORDER = list(ClassRank.values)  # from the lowest


def next_rank(rank: str) -> str | None:
    place = RANK_ORDER.index(rank)
    return RANK_ORDER[place + 1] if place + 1 < len(RANK_ORDER) else None


def eligible_from(conferred_on: datetime.date, years: int) -> datetime.date:
    """The day ``years`` full years after ``conferred_on`` (a 29 February counts to 28 February)."""
    return conferred_on + relativedelta(years=years)


@dataclass(frozen=True)
class Eligibility:
    employee: object
    conferral: object  # the rank held: the latest conferred on or before the day
    next_rank: str | None  # None: the highest rank
    eligible_on: datetime.date | None  # None: the highest rank, or no period set for the rank

    def eligible(self, day: datetime.date) -> bool:
        return self.eligible_on is not None and self.eligible_on <= day

    def get_next_rank_display(self) -> str:
        return ClassRank(self.next_rank).label if self.next_rank else ""


def rank_eligibility(day: datetime.date, *, rank: str | None = None, due_by: datetime.date | None = None):
    """Every civil servant in a post on ``day`` with a class rank: the rank they hold, the next one and
    the day they may receive it under the agency's periods; ``rank`` keeps those holding one rank,
    ``due_by`` those eligible on or before that day. Three queries, soonest first."""
    in_post = PostHolding.objects.on(day).filter(acting=False).values("employee_id")
    conferrals = (
        RankConferral.objects.filter(date__lte=day, employee_id__in=in_post)
        .select_related("employee", "basis_order")
        .order_by("employee_id", "-date")
    )
    years = dict(RankPeriod.objects.values_list("rank", "years"))
    found, seen = [], set()
    for conferral in conferrals:
        if conferral.employee_id in seen:
            continue
        seen.add(conferral.employee_id)
        following = next_rank(conferral.rank)
        period = years.get(conferral.rank)
        when = eligible_from(conferral.date, period) if following and period else None
        item = Eligibility(conferral.employee, conferral, following, when)
        if rank and conferral.rank != rank:
            continue
        if due_by is not None and (when is None or when > due_by):
            continue
        found.append(item)
    return sorted(found, key=lambda e: (e.eligible_on is None, e.eligible_on or day, e.employee.full_name_ky))
