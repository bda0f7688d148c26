"""Exact money: Decimal amounts with their currency. Amounts in another currency than the grant's
are converted only at a stated, dated rate; sums never mix currencies."""

import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CENT = Decimal("0.01")


def amount(value) -> Decimal:
    """A positive amount with at most two decimals; a float is refused (it is not exact)."""
    if isinstance(value, float) or value is None:
        raise ValidationError({"amount": _("Give the amount as an exact number.")})
    try:
        value = Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        raise ValidationError({"amount": _("Give the amount as an exact number.")}) from None
    if not value.is_finite() or value <= 0:
        raise ValidationError({"amount": _("The amount must be more than zero.")})
    if value != value.quantize(CENT):
        raise ValidationError({"amount": _("An amount has at most two decimals.")})
    return value


def convert(
    value: Decimal, currency: str, *, to: str, rate: Decimal | None, rate_date: datetime.date | None
) -> Decimal:
    """``value`` in ``currency`` as an amount in ``to``: the same amount in the same currency, or at
    the stated ``rate`` (units of ``to`` for one unit of ``currency``) of ``rate_date``, to the cent."""
    value = amount(value)
    if currency == to:
        if rate is not None:
            raise ValidationError({"rate": _("No rate is given for an amount in the grant's own currency.")})
        return value
    if rate is None or rate_date is None:
        raise ValidationError(
            {
                "rate": _("An amount in %(currency)s needs a stated rate to %(to)s and its date.")
                % {
                    "currency": currency,
                    "to": to,
                }
            }
        )
    if isinstance(rate, float) or Decimal(rate) <= 0:
        raise ValidationError({"rate": _("The rate must be an exact number more than zero.")})
    return (value * Decimal(rate)).quantize(CENT, rounding=ROUND_HALF_UP)


def total(amounts: Iterable[tuple[Decimal, str]], currency: str) -> Decimal:
    """The sum of (amount, currency) pairs, all in ``currency``; a pair in another currency is refused."""
    found = Decimal("0.00")
    for value, its_currency in amounts:
        if its_currency != currency:
            raise ValidationError(
                _("Amounts in %(one)s and %(other)s are not added without a rate.")
                % {"one": currency, "other": its_currency}
            )
        found += value
    return found


def show(value: Decimal, currency: str) -> str:
    return f"{value:,.2f} {currency}".replace(",", " ")
