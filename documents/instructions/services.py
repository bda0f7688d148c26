"""Every change of an instruction's state. Views, the admin and other modules call only these.

Each service asks the policy first, locks the instruction's row, checks the status table,
validates, changes the instruction in one transaction and writes Wagtail's log.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from documents import workdays
from documents.instructions.enums import (
    ENDED,
    LIFECYCLE,
    DeadlineUnit,
    ExtensionDecision,
    InstructionStatus,
    ReportDecision,
)
from documents.instructions.models import ExtensionRequest, Instruction, Report
from governance.access import policy


def _locked(instruction: Instruction) -> Instruction:
    return Instruction.objects.select_for_update().get(pk=instruction.pk)


def _begin(action: str, instruction: Instruction, actor) -> Instruction:
    instruction = _locked(instruction)
    policy.require(actor, LIFECYCLE.policy_action(action), instruction)
    LIFECYCLE.check(action, instruction)
    return instruction


def _log(instruction: Instruction, action: str, actor, **data) -> None:
    log(instance=instruction, action=action, user=actor, data=data or None)


def _required(value: str, field: str, message) -> str:
    if not (value or "").strip():
        raise ValidationError({field: message})
    return value.strip()


def _deadline_rule(
    *, deadline: datetime.date | None, days: int | None, working_days: bool, base: datetime.date | None
) -> tuple[str, datetime.date | None, int | None, datetime.date]:
    """The rule given (a fixed date, or days from a base date) and the deadline it computes."""
    if (deadline is None) == (days is None):
        raise ValidationError({"deadline": _("Give either a deadline date or a number of days.")})
    if deadline is not None:
        return DeadlineUnit.FIXED, None, None, workdays.on_working_day(deadline)
    if days < 1:
        raise ValidationError({"deadline_days": _("The number of days must be at least one.")})
    base = base or timezone.localdate()
    unit = DeadlineUnit.WORKING_DAYS if working_days else DeadlineUnit.CALENDAR_DAYS
    return unit, base, days, workdays.compute_deadline(base=base, count=days, unit=unit)


@transaction.atomic
def instruction_create(
    *,
    actor,
    text: str,
    executor,
    controller,
    title: str = "",
    subject: models.Model | None = None,
    parent: Instruction | None = None,
    co_executors: Iterable = (),
    deadline: datetime.date | None = None,
    days: int | None = None,
    working_days: bool = True,
    base: datetime.date | None = None,
    subdivision=None,
) -> Instruction:
    """Issue an instruction about ``subject`` (any record), or a sub-instruction of ``parent``.

    The deadline is a date, or ``days`` working (or calendar) days counted from ``base`` (today by
    default); a deadline on a day off moves to the next working day.
    """
    if parent is not None:
        parent = _locked(parent)
    policy.require(actor, "documents.add_instruction", parent)
    if parent is not None and parent.status in ENDED:
        raise ValidationError({"parent": _("The parent instruction has ended.")})
    co_executors = list(dict.fromkeys(co_executors))
    if any(user.pk == executor.pk for user in co_executors):
        raise ValidationError({"co_executors": _("The responsible executor is not also a co-executor.")})
    unit, base, days, due = _deadline_rule(deadline=deadline, days=days, working_days=working_days, base=base)
    if due < timezone.localdate():
        raise ValidationError({"deadline": _("The deadline has already passed.")})
    if subject is None and parent is not None:
        subject = parent.subject
    instruction = Instruction(
        author=actor,
        title=title.strip(),
        text=_required(text, "text", _("Write what is to be done.")),
        subject=subject,
        executor=executor,
        controller=controller,
        subdivision=subdivision,
        parent=parent,
        deadline_unit=unit,
        deadline_base=base,
        deadline_days=days,
        initial_deadline=due,
        deadline=due,
    )
    instruction.full_clean()
    instruction.save()
    instruction.co_executors.set(co_executors)
    _log(instruction, "wagtail.create", actor, deadline=due.isoformat())
    return instruction


@transaction.atomic
def instruction_contribute(*, instruction: Instruction, actor, text: str) -> Report:
    """A co-executor's contribution, for the responsible executor's report."""
    instruction = _begin("contribute", instruction, actor)
    text = _required(text, "text", _("Write the contribution."))
    report = Report.objects.create(
        instruction=instruction, author=actor, text=text, decision=ReportDecision.CONTRIBUTION
    )
    _log(instruction, "documents.instruction_contribute", actor)
    return report


@transaction.atomic
def instruction_report(*, instruction: Instruction, actor, text: str) -> Instruction:
    """The responsible executor reports what was done; the controller accepts or returns it."""
    instruction = _begin("report", instruction, actor)
    text = _required(text, "text", _("Write the report."))
    Report.objects.create(instruction=instruction, author=actor, text=text)
    instruction.status = InstructionStatus.REPORTED
    instruction.save(update_fields=["status"])
    _log(instruction, "documents.instruction_report", actor)
    return instruction


def _pending_report(instruction: Instruction) -> Report:
    return instruction.reports.filter(decision=ReportDecision.PENDING).latest("created_at", "pk")


def _decide(record, decision: str, actor, comment: str) -> None:
    record.decision, record.decided_by, record.decided_at, record.comment = decision, actor, timezone.now(), comment
    record.save(update_fields=["decision", "decided_by", "decided_at", "comment"])


def _end(instruction: Instruction, status: str, actor, comment: str) -> None:
    """End the instruction: only once its sub-instructions have ended; pending requests lapse."""
    if instruction.children.exclude(status__in=ENDED).exists():
        raise ValidationError(_("End the sub-instructions first."), code="open_children")
    for request in instruction.extensions.filter(decision=ExtensionDecision.PENDING):
        _decide(request, ExtensionDecision.REFUSED, actor, "")
    instruction.status, instruction.closed_at, instruction.closing_comment = status, timezone.now(), comment
    instruction.save(update_fields=["status", "closed_at", "closing_comment", "done_on"])


@transaction.atomic
def instruction_accept(*, instruction: Instruction, actor, comment: str = "") -> Instruction:
    """Accept the report: the instruction is done on the day the report was made."""
    instruction = _begin("accept", instruction, actor)
    report = _pending_report(instruction)
    instruction.done_on = timezone.localdate(report.created_at)
    _end(instruction, InstructionStatus.DONE, actor, comment)
    _decide(report, ReportDecision.ACCEPTED, actor, comment)
    _log(instruction, "documents.instruction_accept", actor, comment=comment)
    return instruction


@transaction.atomic
def instruction_return(*, instruction: Instruction, actor, comment: str) -> Instruction:
    """Send the report back to the executor with the controller's comment; the deadline stands."""
    instruction = _begin("return", instruction, actor)
    comment = _required(comment, "comment", _("Say why the report is returned."))
    _decide(_pending_report(instruction), ReportDecision.RETURNED, actor, comment)
    instruction.status = InstructionStatus.ISSUED
    instruction.save(update_fields=["status"])
    _log(instruction, "documents.instruction_return", actor, comment=comment)
    return instruction


@transaction.atomic
def instruction_request_extension(
    *, instruction: Instruction, actor, deadline: datetime.date, reason: str
) -> ExtensionRequest:
    """The executor asks for a later deadline, saying why."""
    instruction = _begin("request_extension", instruction, actor)
    reason = _required(reason, "reason", _("Say why more time is needed."))
    deadline = workdays.on_working_day(deadline)
    if deadline <= instruction.deadline:
        raise ValidationError({"deadline": _("Ask for a date later than the current deadline.")})
    if instruction.parent_id and deadline > instruction.parent.deadline:
        raise ValidationError({"deadline": _("A sub-instruction cannot be due later than its parent instruction.")})
    request = ExtensionRequest.objects.create(
        instruction=instruction,
        requested_by=actor,
        requested_deadline=deadline,
        previous_deadline=instruction.deadline,
        reason=reason,
    )
    _log(instruction, "documents.instruction_request_extension", actor, deadline=deadline.isoformat(), reason=reason)
    return request


def _pending_extension(instruction: Instruction) -> ExtensionRequest:
    request = instruction.extensions.filter(decision=ExtensionDecision.PENDING).first()
    if request is None:
        raise ValidationError(_("No request for an extension awaits a decision."), code="no_request")
    return request


@transaction.atomic
def instruction_grant(*, instruction: Instruction, actor, comment: str = "") -> Instruction:
    """Grant the pending request: the deadline moves to the date asked for."""
    instruction = _begin("grant", instruction, actor)
    request = _pending_extension(instruction)
    _decide(request, ExtensionDecision.GRANTED, actor, comment)
    instruction.deadline = request.requested_deadline
    instruction.full_clean()
    instruction.save(update_fields=["deadline"])
    _log(instruction, "documents.instruction_grant", actor, deadline=instruction.deadline.isoformat())
    return instruction


@transaction.atomic
def instruction_refuse(*, instruction: Instruction, actor, comment: str) -> Instruction:
    """Refuse the pending request: the deadline stands."""
    instruction = _begin("refuse", instruction, actor)
    comment = _required(comment, "comment", _("Say why the extension is refused."))
    _decide(_pending_extension(instruction), ExtensionDecision.REFUSED, actor, comment)
    _log(instruction, "documents.instruction_refuse", actor, comment=comment)
    return instruction


@transaction.atomic
def instruction_close(*, instruction: Instruction, actor, comment: str) -> Instruction:
    """Take the instruction off control without an accepted report (it is no longer needed)."""
    instruction = _begin("close", instruction, actor)
    comment = _required(comment, "comment", _("Say why the instruction is taken off control."))
    _end(instruction, InstructionStatus.CLOSED, actor, comment)
    _log(instruction, "documents.instruction_close", actor, comment=comment)
    return instruction


@transaction.atomic
def instruction_cancel(*, instruction: Instruction, actor, comment: str) -> Instruction:
    """The author withdraws an instruction given by mistake."""
    instruction = _begin("cancel", instruction, actor)
    comment = _required(comment, "comment", _("Say why the instruction is cancelled."))
    _end(instruction, InstructionStatus.CANCELLED, actor, comment)
    _log(instruction, "documents.instruction_cancel", actor, comment=comment)
    return instruction
