"""Registration numbers: unique and gap-free per series and calendar year.

A document takes its number inside the transaction that registers it::

    with transaction.atomic():
        number = numbering.next_number("orders:main", 2026)
        ...  # save the registered document

The counter row of the series and year is incremented by one ``UPDATE … RETURNING``, which locks
it until that transaction ends, so concurrent registrations in one series queue on it and each
gets the next number; if the registration fails, the transaction rolls back and the number is
given again, leaving no gap.
Series are plain keys chosen by the caller (``"orders:personnel"``, ``"appeals"``): this module
knows no document kind.
"""

from django.db import IntegrityError, connections, transaction

from documents.models import Counter


class NumberingError(RuntimeError):
    pass


def _increment(series: str, year: int, using: str) -> int | None:
    """One statement: increment the counter and return the new number, keeping the row locked."""
    table = connections[using].ops.quote_name(Counter._meta.db_table)
    with connections[using].cursor() as cursor:
        # The table name is the model's own, quoted; the values are parameters.
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1 WHERE series = %s AND year = %s "  # noqa: S608 # nosec B608
            "RETURNING last_number",
            [series, year],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def next_number(series: str, year: int, *, using: str = "default") -> int:
    """Take the next number of ``series`` in ``year``; must run inside the registering transaction."""
    if not transaction.get_connection(using).in_atomic_block:
        raise NumberingError("A number must be taken inside the transaction that registers the document.")
    number = _increment(series, year, using)
    if number is None:
        try:
            # The first number of a year: two registrations may both try to open the counter.
            with transaction.atomic(using=using):
                Counter.objects.using(using).create(series=series, year=year)
        except IntegrityError:
            pass  # the other one created it; the update below waits for its lock
        number = _increment(series, year, using)
    return number


def last_number(series: str, year: int) -> int:
    """The last number given, 0 when none was (for display and checks; takes no lock)."""
    return Counter.objects.filter(series=series, year=year).values_list("last_number", flat=True).first() or 0
