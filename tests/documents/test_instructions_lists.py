"""The lists (mine, on my control, overdue, due this week) and the discipline report."""

import datetime

import pytest

from documents.instructions import selectors, services
from documents.instructions.models import Instruction
from tests.documents.instruction_factories import People, in_days, issue, reported
from tests.factories import SubdivisionFactory

pytestmark = pytest.mark.django_db
ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture
def people(roles):
    return People()


def test_mine_counts_the_responsible_executor_and_co_executors_and_only_open_instructions(people):
    executing = issue(people)
    co_executing = issue(people, executor=people.co_executor, co_executors=[people.executor])
    other = issue(people, executor=people.clerk, co_executors=[])
    done = reported(people)
    services.instruction_accept(instruction=done, actor=people.controller)

    assert set(selectors.mine(people.executor)) == {executing, co_executing}
    assert set(selectors.mine(people.clerk)) == {other}
    assert set(selectors.on_control(people.controller)) == {executing, co_executing, other}
    assert set(selectors.on_control(people.executor)) == set()


def test_overdue_means_still_in_execution_after_the_deadline(people):
    late = issue(people, deadline=in_days(5))
    awaiting_the_controller = reported(people, deadline=late.deadline)
    done = reported(people, deadline=late.deadline)
    services.instruction_accept(instruction=done, actor=people.controller)
    day_after = late.deadline + ONE_DAY

    assert set(selectors.overdue(late.deadline)) == set()  # the deadline day itself is not late
    assert set(selectors.overdue(day_after)) == {late}
    assert awaiting_the_controller.is_overdue(day_after) is False


def test_due_this_week_runs_from_the_day_to_sunday(people):
    monday = selectors.week_of(in_days(14))[0]  # a Monday two weeks ahead
    on_wednesday = issue(people, deadline=monday + datetime.timedelta(days=2))
    next_week = issue(people, deadline=monday + datetime.timedelta(days=7))

    assert set(selectors.due_this_week(monday)) == {on_wednesday}
    assert set(selectors.due_this_week(monday + datetime.timedelta(days=3))) == set()
    assert set(selectors.due_this_week(monday + datetime.timedelta(days=7))) == {next_week}


def test_the_discipline_report_counts_per_subdivision_on_time_late_and_overdue(people):
    passports, labour = SubdivisionFactory(name_ky="Паспорт бөлүмү"), SubdivisionFactory(name_ky="Эмгек бөлүмү")
    deadline = issue(people, deadline=in_days(10)).deadline
    Instruction.objects.all().delete()
    on_time = reported(people, deadline=deadline, subdivision=passports)
    services.instruction_accept(instruction=on_time, actor=people.controller)
    late = reported(people, deadline=deadline, subdivision=passports)
    services.instruction_accept(instruction=late, actor=people.controller)
    Instruction.objects.filter(pk=late.pk).update(done_on=deadline + datetime.timedelta(days=2))
    issue(people, deadline=deadline, subdivision=passports)  # overdue after the deadline
    issue(people, deadline=deadline, subdivision=labour)  # overdue
    closed = issue(people, deadline=deadline, subdivision=labour)
    services.instruction_close(instruction=closed, actor=people.controller, comment="Керек эмес.")
    reported(people, deadline=deadline)  # no subdivision; with the controller

    rows = selectors.discipline(day=deadline + ONE_DAY, first=deadline, last=deadline)
    found = {
        (row.subdivision, row.total, row.done_on_time, row.done_late, row.overdue, row.in_execution) for row in rows
    }

    assert found == {
        (passports, 3, 1, 1, 1, 0),
        (labour, 1, 0, 0, 1, 0),  # the closed one is not counted
        (None, 1, 0, 0, 0, 1),
    }
    before = selectors.discipline(day=deadline, first=deadline, last=deadline)
    assert sum(row.overdue for row in before) == 0


def test_the_lists_take_a_fixed_number_of_queries(people, django_assert_num_queries):
    deadline = issue(people, deadline=in_days(14)).deadline
    for _ in range(2):
        issue(people, deadline=deadline)
    subdivision = SubdivisionFactory()
    for _ in range(3):
        issue(people, deadline=deadline, subdivision=subdivision, co_executors=[people.co_executor, people.clerk])

    for listing in (
        lambda: selectors.mine(people.executor),
        lambda: selectors.on_control(people.controller),
        lambda: selectors.overdue(deadline + ONE_DAY),
        lambda: selectors.due_this_week(selectors.week_of(deadline)[0]),
    ):
        with django_assert_num_queries(2):  # the rows with their people and subdivision; the co-executors
            rows = list(selectors.for_list(listing()))
            assert len([c.username for row in rows for c in row.co_executors.all()]) == 3 + 2 * 3
        assert len(rows) == 6
    with django_assert_num_queries(2):  # the counts; the subdivisions' names
        rows = selectors.discipline(day=deadline + ONE_DAY, first=deadline, last=deadline)
    assert sorted(row.overdue for row in rows) == [3, 3]
