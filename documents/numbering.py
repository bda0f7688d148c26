"""Registration numbers: unique and gap-free per series and calendar year.

A document takes its number inside the transaction that registers it::

    with transaction.atomic():
        number = numbering.next_number("orders:main", 2026)
        ...  # save the registered document

The counter row of the series and year is locked (``SELECT … FOR UPDATE``) until that transaction
ends, so concurrent registrations in one series queue on it and each gets the next number; if the
registration fails, the transaction rolls back and the number is given again, leaving no gap.
Series are plain keys chosen by the caller (``"orders:personnel"``, ``"appeals"``): this module
knows no document kind.
"""

from django.db import IntegrityError, transaction

from documents.models import Counter


class NumberingError(RuntimeError):
    pass


def _locked_counter(series: str, year: int) -> Counter:
    counter = Counter.objects.select_for_update().filter(series=series, year=year).first()
    if counter is not None:
        return counter
    try:
        # The first number of a year: two registrations may both try to open the counter.
        with transaction.atomic():
            Counter.objects.create(series=series, year=year)
    except IntegrityError:
        pass  # the other one created it; lock it below
    return Counter.objects.select_for_update().get(series=series, year=year)


def next_number(series: str, year: int, *, using: str = "default") -> int:
    """Take the next number of ``series`` in ``year``; must run inside the registering transaction."""
    if not transaction.get_connection(using).in_atomic_block:
        raise NumberingError("A number must be taken inside the transaction that registers the document.")
    counter = _locked_counter(series, year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def last_number(series: str, year: int) -> int:
    """The last number given, 0 when none was (for display and checks; takes no lock)."""
    return Counter.objects.filter(series=series, year=year).values_list("last_number", flat=True).first() or 0
