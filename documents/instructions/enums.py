from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


class InstructionStatus(models.TextChoices):
    ISSUED = "issued", _("in execution")
    REPORTED = "reported", _("reported")
    DONE = "done", _("done")
    CLOSED = "closed", _("taken off control")
    CANCELLED = "cancelled", _("cancelled")


class DeadlineUnit(models.TextChoices):
    """How the deadline was computed: a fixed date, or a number of days from a base date."""

    FIXED = "fixed", _("fixed date")
    CALENDAR_DAYS = "calendar", _("calendar days")
    WORKING_DAYS = "working", _("working days")


class ReportDecision(models.TextChoices):
    PENDING = "pending", _("awaiting the controller")
    ACCEPTED = "accepted", _("accepted")
    RETURNED = "returned", _("returned for rework")
    CONTRIBUTION = "contribution", _("co-executor's contribution")


class ExtensionDecision(models.TextChoices):
    PENDING = "pending", _("awaiting the controller")
    GRANTED = "granted", _("granted")
    REFUSED = "refused", _("refused")


class ReminderKind(models.TextChoices):
    WEEK = "week", _("a week before the deadline")
    DAY = "day", _("on the day of the deadline")


S = InstructionStatus
# The executor still owes something: such an instruction may be overdue.
OPEN = frozenset({S.ISSUED, S.REPORTED})
ENDED = frozenset({S.DONE, S.CLOSED, S.CANCELLED})


def _extension_pending(instruction) -> bool:
    return any(request.decision == ExtensionDecision.PENDING for request in instruction.extensions.all())


def an_extension_awaits(instruction) -> str | None:
    return None if _extension_pending(instruction) else _("No request for an extension awaits a decision.")


def no_extension_awaits(instruction) -> str | None:
    return _("An earlier request awaits the controller's decision.") if _extension_pending(instruction) else None


# Which status may follow which, and by which service.
LIFECYCLE = Lifecycle(
    app="documents",
    action_prefix="instruction_",
    transitions={
        # action: (from, to)
        "contribute": ({S.ISSUED}, {S.ISSUED}),
        "report": ({S.ISSUED}, {S.REPORTED}),
        "accept": ({S.REPORTED}, {S.DONE}),
        "return": ({S.REPORTED}, {S.ISSUED}),
        "request_extension": ({S.ISSUED}, {S.ISSUED}),
        "grant": (OPEN, OPEN),
        "refuse": (OPEN, OPEN),
        "close": (OPEN, {S.CLOSED}),
        "cancel": (OPEN, {S.CANCELLED}),
    },
    labels={
        "contribute": (_("Contribute to the report"), _("Contribution added")),
        "report": (_("Report"), _("Reported")),
        "accept": (_("Accept the report"), _("Report accepted: done")),
        "return": (_("Return the report"), _("Report returned")),
        "request_extension": (_("Ask for an extension"), _("Extension requested")),
        "grant": (_("Grant the extension"), _("Extension granted")),
        "refuse": (_("Refuse the extension"), _("Extension refused")),
        "close": (_("Take off control"), _("Taken off control")),
        "cancel": (_("Cancel the instruction"), _("Cancelled")),
    },
    guards={"request_extension": no_extension_awaits, "grant": an_extension_awaits, "refuse": an_extension_awaits},
)
