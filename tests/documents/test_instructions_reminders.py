"""Reminders a week before and on the day, in the executor's language, sent once per deadline."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from wagtail.users.models import UserProfile

from documents.instructions import reminders, services
from documents.instructions.enums import ReminderKind
from documents.instructions.models import InstructionReminder
from tests.documents.instruction_factories import People, in_days, issue, reported

pytestmark = pytest.mark.django_db
WEEK = datetime.timedelta(days=7)


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """The daily command on a chosen date; the reminders' tasks run when its transaction commits."""

    def run_on(day: datetime.date) -> list:
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_instruction_reminders", date=day.isoformat(), stdout=io.StringIO())
        return mail.outbox[before:]

    return run_on


def test_a_week_before_and_on_the_day_one_mail_each_and_a_second_run_sends_nothing(people, run):
    instruction = issue(people, deadline=in_days(20))
    deadline = instruction.deadline

    assert run(deadline - WEEK - datetime.timedelta(days=1)) == []
    week_before = run(deadline - WEEK)
    assert len(week_before) == 1
    assert week_before[0].to == [people.executor.email]
    assert instruction.text in week_before[0].body
    assert run(deadline - WEEK) == []  # the same day again
    assert run(deadline - datetime.timedelta(days=3)) == []  # the week's reminder is already sent
    on_the_day = run(deadline)
    assert len(on_the_day) == 1
    assert run(deadline) == []
    assert set(InstructionReminder.objects.values_list("kind", flat=True)) == {ReminderKind.WEEK, ReminderKind.DAY}


def test_the_mail_is_in_the_language_the_executor_chose(people, run):
    UserProfile.objects.create(user=people.executor, preferred_language="ru")
    deadline = issue(people, deadline=in_days(20)).deadline
    issue(people, deadline=deadline, executor=people.clerk, co_executors=[])

    sent = {message.to[0]: message for message in run(deadline)}

    assert "сегодня" in sent[people.executor.email].subject  # Russian, as chosen
    assert "бүгүн" in sent[people.clerk.email].subject  # Kyrgyz, the default


def test_an_extension_brings_new_reminders_and_ended_instructions_get_none(people, run):
    instruction = issue(people, deadline=in_days(20))
    old = instruction.deadline
    done = reported(people, deadline=old)
    services.instruction_accept(instruction=done, actor=people.controller)
    assert len(run(old - WEEK)) == 1  # only the open one

    services.instruction_request_extension(
        instruction=instruction, actor=people.executor, deadline=old + 3 * WEEK, reason="Маалымат күтүлүүдө."
    )
    instruction = services.instruction_grant(instruction=instruction, actor=people.controller)

    assert run(old) == []  # the old deadline no longer holds
    assert len(run(instruction.deadline - WEEK)) == 1
    assert len(run(instruction.deadline)) == 1


def test_what_is_owed_is_read_in_a_fixed_number_of_queries(people, django_assert_num_queries):
    deadline = issue(people, deadline=in_days(20)).deadline
    for _ in range(4):
        issue(people, deadline=deadline)

    with django_assert_num_queries(2):  # the instructions with their executors; the reminders sent
        assert len(reminders.due(deadline)) == 5


def test_a_bad_date_is_refused_clearly(people):
    with pytest.raises(Exception, match="--date"):
        call_command("send_instruction_reminders", date="2026-13-40")
