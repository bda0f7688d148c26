"""Resolutions are instructions of the shared engine about the document: executors report or ask
for an extension, the controller accepts or returns and closes the control; deadlines count
working days and move off holidays."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documents import workdays
from documents.correspondence import selectors, services
from documents.correspondence.models import Correspondence
from documents.instructions import services as instructions
from documents.instructions.enums import DeadlineUnit, InstructionStatus
from documents.instructions.models import Instruction
from tests.documents.correspondence.factories import People, draft, registered

pytestmark = pytest.mark.django_db
TEXT = "Министрликке жооп даярдап, 5 иш күнүндө сунуштаңыз."


@pytest.fixture
def people(roles):
    return People()


def resolve(people, document, **fields):
    values = {
        "actor": people.chairman,
        "document": document,
        "text": TEXT,
        "executor": people.executor,
        "co_executors": [people.co_executor],
        "controller": people.chairman,
        "days": 5,
        "subdivision": people.unit,
    }
    values.update(fields)
    if "deadline" in fields:
        del values["days"]
    return services.correspondence_resolve(**values)


def test_a_resolution_is_an_instruction_about_the_document_due_in_working_days(people):
    document = registered(people)
    resolution = resolve(people, document)
    today = timezone.localdate()
    assert resolution.subject == document
    assert list(Instruction.objects.for_subject(document)) == [resolution]
    assert resolution.deadline_unit == DeadlineUnit.WORKING_DAYS
    assert resolution.deadline == workdays.compute_deadline(base=today, count=5, unit=DeadlineUnit.WORKING_DAYS)
    assert list(resolution.co_executors.all()) == [people.co_executor]
    assert list(selectors.resolutions(document)) == [resolution]


def test_a_deadline_on_a_public_holiday_moves_to_the_next_working_day(people):
    document = registered(people)
    independence_day = datetime.date(2027, 8, 31)
    resolution = resolve(people, document, deadline=independence_day)
    assert resolution.deadline == datetime.date(2027, 9, 1)


def test_the_executor_reports_the_controller_returns_then_accepts(people):
    resolution = resolve(people, registered(people))
    instructions.instruction_report(instruction=resolution, actor=people.executor, text="Жооптун долбоору даяр.")
    instructions.instruction_return(instruction=resolution, actor=people.chairman, comment="Статистиканы кошуңуз.")
    resolution.refresh_from_db()
    assert resolution.status == InstructionStatus.ISSUED
    instructions.instruction_report(instruction=resolution, actor=people.executor, text="Статистика кошулду.")
    instructions.instruction_accept(instruction=resolution, actor=people.chairman)
    resolution.refresh_from_db()
    assert resolution.status == InstructionStatus.DONE


def test_an_extension_granted_moves_the_deadline_and_keeps_the_first_one(people):
    resolution = resolve(people, registered(people))
    first = resolution.deadline
    later = workdays.on_working_day(first + datetime.timedelta(days=14))
    with pytest.raises(PermissionDenied):  # only the responsible executor asks
        instructions.instruction_request_extension(
            instruction=resolution, actor=people.co_executor, deadline=later, reason="Маалымат күтүлүүдө."
        )
    instructions.instruction_request_extension(
        instruction=resolution, actor=people.executor, deadline=later, reason="Маалымат күтүлүүдө."
    )
    instructions.instruction_grant(instruction=resolution, actor=people.chairman, comment="Макул.")
    resolution.refresh_from_db()
    assert (resolution.initial_deadline, resolution.deadline) == (first, later)
    documents = Correspondence.objects.all()
    day_after_first = first + datetime.timedelta(days=1)
    assert not selectors.with_overdue_resolutions(day_after_first, documents).exists()
    assert list(selectors.with_overdue_resolutions(later + datetime.timedelta(days=1), documents)) == [
        resolution.subject
    ]


def test_the_controller_closes_the_control(people):
    resolution = resolve(people, registered(people))
    with pytest.raises(ValidationError):  # closing needs a reason
        instructions.instruction_close(instruction=resolution, actor=people.chairman, comment=" ")
    instructions.instruction_close(instruction=resolution, actor=people.chairman, comment="Кат башка жолу чечилди.")
    resolution.refresh_from_db()
    assert resolution.status == InstructionStatus.CLOSED


def test_a_draft_gets_no_resolution_and_a_stranger_gives_none(people):
    with pytest.raises(PermissionDenied):  # the records office reads the draft, but it is not registered
        resolve(people, draft(people), actor=people.records, controller=people.records)
    document = registered(people)
    with pytest.raises(PermissionDenied):
        resolve(people, document, actor=people.stranger)
    with pytest.raises(ValidationError):  # the engine refuses a deadline already passed
        resolve(people, document, deadline=timezone.localdate() - datetime.timedelta(days=3))
    assert not Instruction.objects.exists()
