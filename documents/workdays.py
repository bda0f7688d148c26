"""Working days of the Kyrgyz Republic: weekends, public holidays and the Government's transfers.

Public holidays come from the ``holidays`` library (``holidays.KG``, kept current by its
maintainers from the Labour Code); each year the Government moves days off by decree, and the
agency records those moves as ``CalendarException`` rows in the admin, which win over both.

A deadline counted in calendar days that ends on a day off moves to the next working day (the
Civil Code's rule for the end of a period); one counted in working days skips every day off.
"""

import datetime
from functools import lru_cache

import holidays

from documents.instructions.enums import DeadlineUnit
from documents.models import CalendarException

ONE_DAY = datetime.timedelta(days=1)


@lru_cache(maxsize=32)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holidays.KG(years=year))


class Calendar:
    """The working calendar over a span of dates, with the agency's exceptions read in one query."""

    def __init__(self, start: datetime.date, end: datetime.date):
        self.start, self.end = start, end
        self.exceptions = dict(
            CalendarException.objects.filter(date__range=(start, end)).values_list("date", "is_working")
        )

    def is_working_day(self, day: datetime.date) -> bool:
        if not self.start <= day <= self.end:
            raise ValueError(f"{day} is outside the calendar read ({self.start}–{self.end}).")
        if day in self.exceptions:
            return self.exceptions[day]
        return day.weekday() < 5 and day not in _public_holidays(day.year)

    def next_working_day(self, day: datetime.date) -> datetime.date:
        """``day`` itself if it is a working day, else the first working day after it."""
        while not self.is_working_day(day):
            day += ONE_DAY
        return day

    def add_working_days(self, base: datetime.date, count: int) -> datetime.date:
        """The ``count``-th working day after ``base`` (``base`` itself is not counted)."""
        day = base
        while count > 0:
            day += ONE_DAY
            if self.is_working_day(day):
                count -= 1
        return day


def _span(base: datetime.date, count: int) -> Calendar:
    # Wide enough for the longest run of days off in a year (New Year's holidays plus weekends).
    return Calendar(base, base + datetime.timedelta(days=count * 2 + 60))


def is_working_day(day: datetime.date) -> bool:
    return Calendar(day, day).is_working_day(day)


def compute_deadline(*, base: datetime.date, count: int, unit: str) -> datetime.date:
    """The last day of a period of ``count`` days of ``unit`` counted from ``base``."""
    if count < 0:
        raise ValueError("A period cannot be negative.")
    calendar = _span(base, count)
    if unit == DeadlineUnit.WORKING_DAYS:
        return calendar.add_working_days(base, count)
    if unit == DeadlineUnit.CALENDAR_DAYS:
        return calendar.next_working_day(base + datetime.timedelta(days=count))
    raise ValueError(f"A period is counted in calendar or working days, not {unit!r}.")


def on_working_day(day: datetime.date) -> datetime.date:
    """A fixed deadline that falls on a day off moves to the next working day."""
    return _span(day, 0).next_working_day(day)
