"""The instructions engine: issuing, reports, extensions, sub-instructions, closing, the policy."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documents.instructions import selectors, services
from documents.instructions.enums import (
    LIFECYCLE,
    DeadlineUnit,
    ExtensionDecision,
    InstructionStatus,
    ReportDecision,
)
from documents.instructions.models import Instruction
from governance.access import policy
from governance.access.models import PolicyLogEntry
from tests.documents.instruction_factories import People, in_days, issue, reported

pytestmark = pytest.mark.django_db
ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture
def people(roles):
    return People()


def logged(instruction):
    return list(
        PolicyLogEntry.objects.filter(object_id=str(instruction.pk)).order_by("pk").values_list("action", flat=True)
    )


# Issuing


def test_an_instruction_keeps_its_people_its_deadline_and_the_rule_that_computed_it(people):
    instruction = issue(people, days=10, working_days=True)

    assert instruction.status == InstructionStatus.ISSUED
    assert (instruction.author, instruction.executor, instruction.controller) == (
        people.chairman,
        people.executor,
        people.controller,
    )
    assert list(instruction.co_executors.all()) == [people.co_executor]
    assert (instruction.deadline_unit, instruction.deadline_base, instruction.deadline_days) == (
        DeadlineUnit.WORKING_DAYS,
        timezone.localdate(),
        10,
    )
    assert instruction.deadline == instruction.initial_deadline
    assert instruction.deadline >= timezone.localdate() + datetime.timedelta(days=14)  # two weekends at least
    assert logged(instruction) == ["wagtail.create"]


def test_a_fixed_deadline_is_kept_as_a_fixed_rule(people):
    instruction = issue(people, deadline=in_days(20))

    assert instruction.deadline_unit == DeadlineUnit.FIXED
    assert instruction.deadline >= in_days(20)
    assert instruction.deadline_days is None


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"text": "  "}, "text"),
        ({"days": None}, "deadline"),
        ({"deadline": "both"}, "deadline"),
        ({"deadline": "past"}, "deadline"),
        ({"days": 0}, "deadline_days"),
        ({"co_executors": "executor"}, "co_executors"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_created(people, overrides, field):
    if overrides.get("deadline") == "both":
        overrides = {"deadline": in_days(5), "days": 5}
    elif overrides.get("deadline") == "past":
        overrides = {"deadline": in_days(-3)}
    elif overrides.get("co_executors") == "executor":
        overrides = {"co_executors": [people.executor]}

    with pytest.raises(ValidationError) as refusal:
        issue(people, **overrides)

    assert field in refusal.value.message_dict
    assert not Instruction.objects.exists()


def test_a_stranger_without_the_right_cannot_issue_an_instruction(people):
    with pytest.raises(PermissionDenied):
        issue(people, actor=people.stranger)
    assert not Instruction.objects.exists()


# Reports


def test_a_report_accepted_makes_the_instruction_done_on_the_day_it_was_reported(people):
    instruction = reported(people)
    assert instruction.status == InstructionStatus.REPORTED

    instruction = services.instruction_accept(instruction=instruction, actor=people.controller, comment="Кабыл алынды.")

    assert instruction.status == InstructionStatus.DONE
    assert instruction.done_on == timezone.localdate()
    assert instruction.closed_at is not None
    assert not instruction.done_late()
    report = instruction.reports.get()
    assert (report.decision, report.decided_by, report.comment) == (
        ReportDecision.ACCEPTED,
        people.controller,
        "Кабыл алынды.",
    )
    assert logged(instruction) == ["wagtail.create", "documents.instruction_report", "documents.instruction_accept"]


def test_a_report_returned_sends_the_instruction_back_and_needs_a_reason(people):
    instruction = reported(people)

    with pytest.raises(ValidationError):
        services.instruction_return(instruction=instruction, actor=people.controller, comment=" ")
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.REPORTED

    instruction = services.instruction_return(
        instruction=instruction, actor=people.controller, comment="Сандык маалыматтар жок."
    )

    assert instruction.status == InstructionStatus.ISSUED
    assert instruction.reports.get().decision == ReportDecision.RETURNED
    instruction = services.instruction_report(instruction=instruction, actor=people.executor, text="Толукталды.")
    assert [r.decision for r in instruction.reports.order_by("pk")] == [
        ReportDecision.RETURNED,
        ReportDecision.PENDING,
    ]


def test_co_executors_contribute_but_only_the_responsible_executor_reports(people):
    instruction = issue(people)

    with pytest.raises(PermissionDenied):
        services.instruction_report(instruction=instruction, actor=people.co_executor, text="Даяр.")
    with pytest.raises(PermissionDenied):
        services.instruction_contribute(instruction=instruction, actor=people.executor, text="Даяр.")
    services.instruction_contribute(instruction=instruction, actor=people.co_executor, text="Маалымат тиркелди.")

    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.ISSUED
    assert instruction.reports.get().decision == ReportDecision.CONTRIBUTION


@pytest.mark.parametrize("who", ["executor", "co_executor", "stranger", "records"])
def test_only_the_author_and_the_controller_accept_a_report(people, who):
    instruction = reported(people)

    with pytest.raises(PermissionDenied):
        services.instruction_accept(instruction=instruction, actor=getattr(people, who))
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.REPORTED


def test_the_status_table_refuses_a_wrong_action(people):
    instruction = issue(people)

    with pytest.raises(ValidationError) as refusal:
        services.instruction_accept(instruction=instruction, actor=people.controller)
    assert refusal.value.code == "status"
    reported_once = services.instruction_report(instruction=instruction, actor=people.executor, text="Даяр.")
    with pytest.raises(ValidationError):
        services.instruction_report(instruction=reported_once, actor=people.executor, text="Дагы бир жолу.")
    assert reported_once.reports.count() == 1


# Extensions


def test_a_granted_extension_moves_the_deadline_and_the_instruction_is_not_overdue_against_the_old_one(people):
    instruction = issue(people, deadline=in_days(7))
    old = instruction.deadline
    request = services.instruction_request_extension(
        instruction=instruction,
        actor=people.executor,
        deadline=old + datetime.timedelta(days=14),
        reason="Маалымат күтүлүүдө.",
    )

    instruction = services.instruction_grant(instruction=instruction, actor=people.controller, comment="Макул.")

    request.refresh_from_db()
    assert request.decision == ExtensionDecision.GRANTED
    assert (request.previous_deadline, instruction.deadline) == (old, request.requested_deadline)
    assert instruction.initial_deadline == old
    assert instruction not in selectors.overdue(old + ONE_DAY)
    assert not instruction.is_overdue(old + ONE_DAY)
    assert instruction in selectors.overdue(instruction.deadline + ONE_DAY)


def test_a_refused_extension_leaves_the_deadline_and_the_instruction_overdue_after_it(people):
    instruction = issue(people, deadline=in_days(7))
    old = instruction.deadline
    services.instruction_request_extension(
        instruction=instruction, actor=people.executor, deadline=old + datetime.timedelta(days=14), reason="Убакыт аз."
    )

    with pytest.raises(ValidationError):
        services.instruction_refuse(instruction=instruction, actor=people.controller, comment="")
    instruction = services.instruction_refuse(
        instruction=instruction, actor=people.controller, comment="Мөөнөт өзгөрбөйт."
    )

    assert instruction.deadline == old
    assert instruction.extensions.get().decision == ExtensionDecision.REFUSED
    assert instruction in selectors.overdue(old + ONE_DAY)


def test_an_extension_must_be_later_asked_by_the_executor_and_one_at_a_time(people):
    instruction = issue(people, deadline=in_days(7))
    later = instruction.deadline + datetime.timedelta(days=10)

    with pytest.raises(ValidationError):
        services.instruction_request_extension(
            instruction=instruction, actor=people.executor, deadline=instruction.deadline, reason="Себеп."
        )
    with pytest.raises(PermissionDenied):
        services.instruction_request_extension(
            instruction=instruction, actor=people.co_executor, deadline=later, reason="Себеп."
        )
    with pytest.raises(ValidationError):
        services.instruction_grant(instruction=instruction, actor=people.controller)
    services.instruction_request_extension(
        instruction=instruction, actor=people.executor, deadline=later, reason="Себеп."
    )
    with pytest.raises(ValidationError):
        services.instruction_request_extension(
            instruction=instruction, actor=people.executor, deadline=later, reason="Дагы."
        )
    with pytest.raises(PermissionDenied):
        services.instruction_grant(instruction=instruction, actor=people.executor)
    assert instruction.extensions.count() == 1


# Sub-instructions


def test_a_sub_instruction_cannot_be_due_later_than_its_parent(people):
    parent = issue(people, deadline=in_days(20))

    with pytest.raises(ValidationError) as refusal:
        issue(
            people,
            actor=people.executor,
            parent=parent,
            executor=people.co_executor,
            co_executors=[],
            controller=people.executor,
            deadline=parent.deadline + datetime.timedelta(days=7),
        )
    assert "deadline" in refusal.value.message_dict

    child = issue(
        people,
        actor=people.executor,
        parent=parent,
        executor=people.co_executor,
        co_executors=[],
        controller=people.executor,
        deadline=parent.deadline - datetime.timedelta(days=1),
    )
    assert child.parent == parent
    with pytest.raises(ValidationError):
        services.instruction_request_extension(
            instruction=child,
            actor=people.co_executor,
            deadline=parent.deadline + datetime.timedelta(days=3),
            reason="Себеп.",
        )


def test_a_stranger_cannot_give_a_sub_instruction(people):
    parent = issue(people)
    with pytest.raises(PermissionDenied):
        issue(people, actor=people.stranger, parent=parent, executor=people.co_executor, co_executors=[])
    assert Instruction.objects.count() == 1


def test_an_instruction_ends_only_after_its_sub_instructions(people):
    parent = reported(people, deadline=in_days(20))
    child = issue(
        people,
        actor=people.executor,
        parent=parent,
        executor=people.co_executor,
        co_executors=[],
        controller=people.executor,
        deadline=in_days(10),
    )

    for end in (
        lambda: services.instruction_accept(instruction=parent, actor=people.controller),
        lambda: services.instruction_close(instruction=parent, actor=people.controller, comment="Керек эмес."),
        lambda: services.instruction_cancel(instruction=parent, actor=people.chairman, comment="Ката."),
    ):
        with pytest.raises(ValidationError) as refusal:
            end()
        assert refusal.value.code == "open_children"
    parent.refresh_from_db()
    assert parent.status == InstructionStatus.REPORTED

    child = services.instruction_report(instruction=child, actor=people.co_executor, text="Аткарылды.")
    services.instruction_accept(instruction=child, actor=people.executor)
    parent = services.instruction_accept(instruction=parent, actor=people.controller)
    assert parent.status == InstructionStatus.DONE


# Closing and cancelling


def test_the_controller_takes_an_instruction_off_control_and_only_the_author_cancels(people):
    first, second = issue(people), issue(people)

    with pytest.raises(ValidationError):
        services.instruction_close(instruction=first, actor=people.controller, comment="")
    first = services.instruction_close(instruction=first, actor=people.controller, comment="Зарылдыгы жок.")
    with pytest.raises(PermissionDenied):
        services.instruction_cancel(instruction=second, actor=people.controller, comment="Ката.")
    second = services.instruction_cancel(instruction=second, actor=people.chairman, comment="Ката берилген.")

    assert (first.status, first.closing_comment) == (InstructionStatus.CLOSED, "Зарылдыгы жок.")
    assert second.status == InstructionStatus.CANCELLED
    assert not first.is_overdue(first.deadline + ONE_DAY)


# The policy


def test_who_sees_an_instruction_and_the_list_agrees_with_the_single_object_rule(people):
    parent = issue(people)
    child = issue(
        people,
        actor=people.executor,
        parent=parent,
        executor=people.clerk,
        co_executors=[],
        controller=people.executor,
        days=3,
    )
    other = issue(people, executor=people.records, co_executors=[], controller=people.chairman)
    every = [parent, child, other]
    expected = {
        "chairman": {parent, child, other},  # the model permission
        "records": {parent, child, other},
        "controller": {parent, child, other},  # the state secretary holds the model permission too
        "executor": {parent, child},  # the parent's executor, the child's author
        "co_executor": {parent, child},  # takes part in the parent
        "clerk": {child},
        "stranger": set(),
    }

    for name, seen in expected.items():
        user = getattr(people, name)
        assert {i for i in every if policy.can(user, "documents.view_instruction", i)} == seen, name
        assert set(policy.visible(user, "documents.view_instruction", Instruction.objects.all())) == seen, name


def test_a_stranger_neither_sees_nor_acts(people):
    instruction = issue(people)

    assert not policy.can(people.stranger, "documents.view_instruction", instruction)
    assert LIFECYCLE.actions_for(people.stranger, instruction) == []
    for service, kwargs in (
        (services.instruction_report, {"text": "x"}),
        (services.instruction_contribute, {"text": "x"}),
        (services.instruction_close, {"comment": "x"}),
        (services.instruction_cancel, {"comment": "x"}),
        (services.instruction_request_extension, {"deadline": in_days(60), "reason": "x"}),
    ):
        with pytest.raises(PermissionDenied):
            service(instruction=instruction, actor=people.stranger, **kwargs)
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.ISSUED
    assert not instruction.reports.exists() and not instruction.extensions.exists()


def test_the_actions_offered_agree_with_the_table_and_the_policy(people):
    instruction = issue(people)

    assert LIFECYCLE.actions_for(people.executor, instruction) == ["report", "request_extension"]
    assert LIFECYCLE.actions_for(people.co_executor, instruction) == ["contribute"]
    assert LIFECYCLE.actions_for(people.controller, instruction) == ["close"]
    assert LIFECYCLE.actions_for(people.chairman, instruction) == ["close", "cancel"]

    services.instruction_request_extension(
        instruction=instruction,
        actor=people.executor,
        deadline=instruction.deadline + datetime.timedelta(days=7),
        reason="Себеп.",
    )
    instruction = selectors.with_details(Instruction.objects.all()).get(pk=instruction.pk)
    assert LIFECYCLE.actions_for(people.executor, instruction) == ["report"]
    assert LIFECYCLE.actions_for(people.controller, instruction) == ["grant", "refuse", "close"]
