"""Reads the admin, the statement, the public page and the API share: the balance, and the budget
against actual per line and per tranche, all in the grant's currency."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet, Sum

from governance.access import policy
from governance.grants.models import BudgetLine, Grant, Tranche

ZERO = Decimal("0.00")


def _sum(queryset, field) -> Decimal:
    # SQLite sums decimals with more places than the field: the total is given to the cent.
    return (queryset.aggregate(total=Sum(field))["total"] or ZERO).quantize(ZERO)


def received(grant: Grant) -> Decimal:
    return _sum(grant.tranches.filter(received_on__isnull=False), "received_amount")


def spent(grant: Grant, *, line: BudgetLine | None = None, tranche: Tranche | None = None) -> Decimal:
    expenditures = grant.expenditures.all()
    if line is not None:
        expenditures = expenditures.filter(line=line)
    if tranche is not None:
        expenditures = expenditures.filter(tranche=tranche)
    return _sum(expenditures, "amount_in_grant_currency")


def balance(grant: Grant) -> Decimal:
    """What is left on the account: received less spent."""
    return received(grant) - spent(grant)


@dataclass(frozen=True)
class LineRow:
    line: BudgetLine
    budget: Decimal
    spent: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - self.spent


@dataclass(frozen=True)
class TrancheRow:
    tranche: Tranche
    expected: Decimal
    received: Decimal
    spent: Decimal


def by_line(grant: Grant) -> list[LineRow]:
    totals = dict(
        grant.expenditures.values("line").annotate(total=Sum("amount_in_grant_currency")).values_list("line", "total")
    )
    return [LineRow(line, line.amount, (totals.get(line.pk) or ZERO).quantize(ZERO)) for line in grant.lines.all()]


def by_tranche(grant: Grant) -> list[TrancheRow]:
    totals = dict(
        grant.expenditures.values("tranche")
        .annotate(total=Sum("amount_in_grant_currency"))
        .values_list("tranche", "total")
    )
    return [
        TrancheRow(
            tranche,
            tranche.expected_amount,
            tranche.received_amount or ZERO,
            (totals.get(tranche.pk) or ZERO).quantize(ZERO),
        )
        for tranche in grant.tranches.all()
    ]


def public_grants(user) -> QuerySet:
    queryset = Grant.objects.select_related("donor").order_by("-starts_on", "-pk")
    return policy.visible(user, "grants.read_published", queryset)
