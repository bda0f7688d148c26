"""Reminders of deadlines: a week before and on the day, one e-mail per instruction and deadline.

``send_due(day)`` is run once a day (``manage.py send_instruction_reminders``, from cron). It
records each reminder before enqueueing it, so a second run on the same day sends nothing; a
granted extension gives a new deadline, which gets its own reminders.
"""

import datetime

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import translation

from documents.instructions.enums import ReminderKind
from documents.instructions.models import Instruction, InstructionReminder

WEEK = datetime.timedelta(days=7)


def due(day: datetime.date) -> list[tuple[Instruction, str]]:
    """The reminders owed on ``day``: due today, or due within the coming week and not yet told."""
    candidates = (
        Instruction.objects.open()
        .filter(deadline__range=(day, day + WEEK))
        .select_related("executor")
        .prefetch_related("reminders")
        .order_by("deadline", "pk")
    )
    owed = []
    for instruction in candidates:
        kind = ReminderKind.DAY if instruction.deadline == day else ReminderKind.WEEK
        sent = {(r.kind, r.deadline) for r in instruction.reminders.all()}
        if (kind, instruction.deadline) not in sent:
            owed.append((instruction, kind))
    return owed


def send_due(day: datetime.date) -> int:
    """Record and enqueue the reminders owed on ``day``; return how many were enqueued."""
    count = 0
    for instruction, kind in due(day):
        try:
            with transaction.atomic():
                InstructionReminder.objects.create(
                    instruction=instruction, kind=kind, deadline=instruction.deadline, sent_on=day
                )
                transaction.on_commit(lambda pk=instruction.pk, kind=kind: send_reminder.enqueue(pk, kind))
        except IntegrityError:
            continue  # another run recorded it meanwhile
        count += 1
    return count


def _language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile.preferred_language if profile else "") or translation.get_language()


@task
def send_reminder(instruction_id: int, kind: str) -> None:
    """One e-mail to the responsible executor, in the language the executor chose for the admin."""
    instruction = (
        Instruction.objects.filter(pk=instruction_id)
        .select_related("executor__wagtail_userprofile", "controller")
        .first()
    )
    if instruction is None or not instruction.is_open or not instruction.executor.email:
        return
    with translation.override(_language(instruction.executor)):
        context = {"instruction": instruction, "kind": kind, "today": kind == ReminderKind.DAY}
        subject = render_to_string("documents/instructions/mail/reminder_subject.txt", context).strip()
        body = render_to_string("documents/instructions/mail/reminder.txt", context)
    send_mail(subject, body, None, [instruction.executor.email])
