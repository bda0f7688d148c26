"""Deadlines across weekends, Kyrgyz public holidays and the Government's transfers of days off."""

import datetime

import pytest

from documents import workdays
from documents.instructions.enums import DeadlineUnit
from documents.models import CalendarException

pytestmark = pytest.mark.django_db
D = datetime.date
WORKING, CALENDAR = DeadlineUnit.WORKING_DAYS, DeadlineUnit.CALENDAR_DAYS


@pytest.mark.parametrize(
    ("base", "count", "unit", "expected", "why"),
    [
        (D(2026, 12, 1), 3, WORKING, D(2026, 12, 4), "Tuesday + 3 working days: Friday"),
        (D(2026, 12, 4), 1, WORKING, D(2026, 12, 7), "Friday + 1 working day: over the weekend to Monday"),
        (D(2026, 12, 1), 10, WORKING, D(2026, 12, 15), "two weekends skipped"),
        (D(2026, 12, 4), 1, CALENDAR, D(2026, 12, 7), "ends on Saturday: moves to Monday"),
        (D(2026, 12, 1), 14, CALENDAR, D(2026, 12, 15), "ends on a Tuesday: stays"),
        (D(2026, 8, 28), 1, WORKING, D(2026, 9, 1), "Friday + 1: Monday 31 August is Independence Day"),
        (D(2026, 8, 21), 10, CALENDAR, D(2026, 9, 1), "ends on Independence Day: moves to Tuesday"),
        (D(2024, 11, 6), 1, WORKING, D(2024, 11, 11), "7 and 8 November 2024 (Days of History), then a weekend"),
        (D(2027, 3, 19), 1, WORKING, D(2027, 3, 22), "Nooruz 2027 falls on a Sunday: no day lost"),
        (D(2026, 12, 31), 1, WORKING, D(2027, 1, 8), "New Year's holidays and Orthodox Christmas"),
    ],
)
def test_deadlines_skip_weekends_and_public_holidays(base, count, unit, expected, why):
    assert workdays.compute_deadline(base=base, count=count, unit=unit) == expected, why


def test_a_transfer_of_a_day_off_by_decree_is_followed():
    # Nooruz 2026 falls on Saturday 21 March; the decree moves the day off to Monday 23 March and
    # makes Saturday 28 March a working day.
    assert workdays.compute_deadline(base=D(2026, 3, 19), count=1, unit=WORKING) == D(2026, 3, 23)
    assert workdays.compute_deadline(base=D(2026, 3, 27), count=1, unit=WORKING) == D(2026, 3, 30)

    CalendarException.objects.create(date=D(2026, 3, 23), is_working=False, basis="Өкмөттүн токтому")
    CalendarException.objects.create(date=D(2026, 3, 28), is_working=True, basis="Өкмөттүн токтому")

    assert workdays.compute_deadline(base=D(2026, 3, 19), count=1, unit=WORKING) == D(2026, 3, 24)
    assert workdays.compute_deadline(base=D(2026, 3, 13), count=10, unit=CALENDAR) == D(2026, 3, 24)
    assert workdays.compute_deadline(base=D(2026, 3, 27), count=1, unit=WORKING) == D(2026, 3, 28)
    assert workdays.is_working_day(D(2026, 3, 28))
    assert not workdays.is_working_day(D(2026, 3, 23))


def test_a_fixed_deadline_on_a_day_off_moves_to_the_next_working_day():
    assert workdays.on_working_day(D(2026, 12, 6)) == D(2026, 12, 7)  # Sunday
    assert workdays.on_working_day(D(2026, 8, 31)) == D(2026, 9, 1)  # Independence Day
    assert workdays.on_working_day(D(2026, 12, 8)) == D(2026, 12, 8)  # a Tuesday stays


def test_the_calendar_is_read_in_one_query(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert workdays.compute_deadline(base=D(2026, 1, 1), count=60, unit=WORKING) > D(2026, 3, 1)


def test_a_negative_period_or_an_unknown_unit_is_refused():
    with pytest.raises(ValueError):
        workdays.compute_deadline(base=D(2026, 12, 1), count=-1, unit=WORKING)
    with pytest.raises(ValueError):
        workdays.compute_deadline(base=D(2026, 12, 1), count=1, unit=DeadlineUnit.FIXED)
