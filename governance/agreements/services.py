"""Every change of an international agreement: keyword-only, in one transaction, asking the policy
first and writing Wagtail's log. The expiry, notice and renewal dates become instructions of the
shared engine (documents/instructions), controlled like any other deadline."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from documents import workdays
from documents.instructions.enums import LIFECYCLE as INSTRUCTION_LIFECYCLE
from documents.instructions.enums import OPEN
from documents.instructions.models import Instruction
from documents.instructions.services import instruction_close, instruction_create
from governance.access import policy
from governance.agreements.enums import BINDING, LIFECYCLE, EventKind, Stage
from governance.agreements.models import Agreement, AgreementEvent


def _locked(agreement: Agreement) -> Agreement:
    return Agreement.objects.select_for_update().get(pk=agreement.pk)


@transaction.atomic
def agreement_create(*, actor, agreement: Agreement) -> Agreement:
    """A new agreement under consultation (``agreement`` unsaved, its fields filled)."""
    policy.require(actor, "agreements.add_agreement")
    agreement.stage = Stage.CONSULTATIONS
    agreement.created_by = actor
    agreement.full_clean()
    agreement.save()
    log(instance=agreement, action="wagtail.create", user=actor)
    return agreement


@transaction.atomic
def agreement_save(*, actor, agreement: Agreement) -> Agreement:
    policy.require(actor, "agreements.change_agreement", agreement)
    if agreement.stage == Stage.TERMINATED:
        raise ValidationError(_("A terminated agreement is no longer changed."), code="terminated")
    agreement.full_clean()
    agreement.save()
    log(instance=agreement, action="wagtail.edit", user=actor)
    return agreement


@transaction.atomic
def part_save(*, actor, part):
    """A party, a round, an event, a text or a domestic step of an agreement (new or changed)."""
    agreement = Agreement.objects.get(pk=part.agreement_id)
    policy.require(actor, "agreements.change_agreement", agreement)
    if agreement.stage == Stage.TERMINATED:
        raise ValidationError(_("A terminated agreement is no longer changed."), code="terminated")
    created = part.pk is None
    part.full_clean()
    part.save()
    if created and part._meta.model_name == "negotiationround":
        AgreementEvent.objects.create(
            agreement=agreement, date=part.date_from, kind=EventKind.ROUND, note_ky=part.place, note_ru=part.place
        )
    log(instance=part, action="wagtail.create" if created else "wagtail.edit", user=actor)
    return part


def _event(agreement, kind, date, note_ky="", note_ru=""):
    return AgreementEvent.objects.create(agreement=agreement, kind=kind, date=date, note_ky=note_ky, note_ru=note_ru)


def _move(action: str, agreement: Agreement, actor, to: str, *, date: datetime.date, event: str, **notes):
    """Check the policy and the table, move the agreement to ``to``, record the dated event and log it."""
    agreement = _locked(agreement)
    policy.require(actor, LIFECYCLE.policy_action(action), agreement)
    LIFECYCLE.check(action, agreement)
    LIFECYCLE.check_end(action, to)
    if date is None:
        raise ValidationError({"date": _("Give the date.")})
    if date > timezone.localdate():
        raise ValidationError({"date": _("The date cannot be in the future.")})
    if agreement.signed_on and date < agreement.signed_on and action not in ("negotiate", "initial", "sign"):
        raise ValidationError({"date": _("The date cannot be before the signature.")})
    agreement.stage = to
    return agreement, _event(agreement, event, date, notes.get("note_ky", ""), notes.get("note_ru", ""))


def _done(action, agreement, actor, **data):
    agreement.full_clean()
    agreement.save()
    log(instance=agreement, action=LIFECYCLE.log_action(action), user=actor, data=data or None)
    return agreement


@transaction.atomic
def agreement_negotiate(*, agreement, actor, date=None, note_ky="", note_ru="") -> Agreement:
    agreement, _e = _move(
        "negotiate",
        agreement,
        actor,
        Stage.NEGOTIATIONS,
        date=date or timezone.localdate(),
        event=EventKind.NOTIFICATION,
        note_ky=note_ky,
        note_ru=note_ru,
    )
    return _done("negotiate", agreement, actor)


@transaction.atomic
def agreement_initial(*, agreement, actor, date, note_ky="", note_ru="") -> Agreement:
    agreement, _e = _move(
        "initial",
        agreement,
        actor,
        Stage.INITIALLED,
        date=date,
        event=EventKind.INITIALLING,
        note_ky=note_ky,
        note_ru=note_ru,
    )
    return _done("initial", agreement, actor)


@transaction.atomic
def agreement_sign(*, agreement, actor, date, note_ky="", note_ru="") -> Agreement:
    agreement, _e = _move(
        "sign", agreement, actor, Stage.SIGNED, date=date, event=EventKind.SIGNATURE, note_ky=note_ky, note_ru=note_ru
    )
    if not agreement.parties.exists():
        raise ValidationError(_("Name the parties before recording the signature."), code="parties")
    agreement.signed_on = date
    return _done("sign", agreement, actor)


@transaction.atomic
def agreement_submit_ratification(*, agreement, actor, date, note_ky="", note_ru="") -> Agreement:
    agreement, _e = _move(
        "submit_ratification",
        agreement,
        actor,
        Stage.RATIFICATION,
        date=date,
        event=EventKind.RATIFICATION,
        note_ky=note_ky,
        note_ru=note_ru,
    )
    return _done("submit_ratification", agreement, actor)


@transaction.atomic
def agreement_enter_into_force(
    *, agreement, actor, date, note_ky="", note_ru="", executor=None, controller=None
) -> Agreement:
    """The agreement is in force from ``date``; its expiry and notice dates go under control."""
    agreement, _e = _move(
        "enter_into_force",
        agreement,
        actor,
        Stage.IN_FORCE,
        date=date,
        event=EventKind.ENTRY_INTO_FORCE,
        note_ky=note_ky,
        note_ru=note_ru,
    )
    agreement.in_force_on = date
    agreement = _done("enter_into_force", agreement, actor)
    agreement_schedule_deadlines(agreement=agreement, actor=actor, executor=executor, controller=controller)
    return agreement


@transaction.atomic
def agreement_suspend(*, agreement, actor, date, note_ky="", note_ru="") -> Agreement:
    agreement, _e = _move(
        "suspend",
        agreement,
        actor,
        Stage.SUSPENDED,
        date=date,
        event=EventKind.SUSPENSION,
        note_ky=note_ky,
        note_ru=note_ru,
    )
    return _done("suspend", agreement, actor)


@transaction.atomic
def agreement_resume(*, agreement, actor, date, note_ky="", note_ru="") -> Agreement:
    agreement, _e = _move(
        "resume",
        agreement,
        actor,
        Stage.IN_FORCE,
        date=date,
        event=EventKind.RESUMPTION,
        note_ky=note_ky,
        note_ru=note_ru,
    )
    return _done("resume", agreement, actor)


@transaction.atomic
def agreement_terminate(*, agreement, actor, date, note_ky="", note_ru="") -> Agreement:
    """Denounced, or ended at the end of its term: its open deadlines leave control."""
    agreement, _e = _move(
        "terminate",
        agreement,
        actor,
        Stage.TERMINATED,
        date=date,
        event=EventKind.DENUNCIATION,
        note_ky=note_ky,
        note_ru=note_ru,
    )
    agreement.ended_on = date
    agreement = _done("terminate", agreement, actor)
    for instruction in Instruction.objects.for_subject(agreement).filter(status__in=OPEN):
        if "close" in INSTRUCTION_LIFECYCLE.actions_for(actor, instruction):
            instruction_close(instruction=instruction, actor=actor, comment=str(_("The agreement has ended.")))
    return agreement


# Deadlines under control.


def _on_or_before_working_day(day: datetime.date) -> datetime.date:
    """A notice must reach the other parties in time: a deadline on a day off moves back, not forward."""
    while not workdays.is_working_day(day):
        day -= datetime.timedelta(days=1)
    return day


def deadlines(agreement: Agreement, today: datetime.date) -> list[tuple[str, datetime.date, str]]:
    """(key, date, text) of the dates to keep under control for the current period, in the reader's language."""
    found = []
    notice = agreement.notice_deadline(today)
    end = agreement.expires_on(today)
    if notice is not None:
        found.append(
            (
                "notice",
                notice,
                _("Last day to give notice of non-renewal or denunciation: %(title)s (the period ends %(end)s).")
                % {"title": agreement.title(), "end": end.strftime("%d.%m.%Y")},
            )
        )
    if end is not None:
        text = (
            _("The agreement is renewed automatically on %(day)s unless notice was given: %(title)s.")
            if agreement.automatic_renewal
            else _("The agreement expires on %(day)s: prepare its extension or its end: %(title)s.")
        )
        found.append(("expiry", end, text % {"day": end.strftime("%d.%m.%Y"), "title": agreement.title()}))
    return found


@transaction.atomic
def agreement_schedule_deadlines(*, agreement, actor, executor=None, controller=None, today=None) -> list[Instruction]:
    """Put the notice deadline and the expiry (or renewal) date of the current period under control.

    Once per date: a date already under control gets no second instruction; a date already past
    gets none. Run again after a renewal to control the next period's dates.
    """
    policy.require(actor, "agreements.change_agreement", agreement)
    if agreement.stage not in BINDING:
        raise ValidationError(_("Only the dates of an agreement in force are put under control."), code="stage")
    today = today or timezone.localdate()
    existing = set(Instruction.objects.for_subject(agreement).values_list("deadline", flat=True))
    created = []
    for _key, day, text in deadlines(agreement, today):
        due = _on_or_before_working_day(day)
        if due < today or due in existing:
            continue
        created.append(
            instruction_create(
                actor=actor,
                subject=agreement,
                title=str(text)[:300],
                text=str(text),
                executor=executor or actor,
                controller=controller or actor,
                deadline=due,
                subdivision=agreement.subdivision,
            )
        )
        existing.add(due)
    return created
