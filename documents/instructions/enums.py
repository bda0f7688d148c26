from django.db import models
from django.utils.translation import gettext_lazy as _


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

# Which status may follow which, and by which service.
TRANSITIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # action: (from, to)
    "contribute": (frozenset({S.ISSUED}), frozenset({S.ISSUED})),
    "report": (frozenset({S.ISSUED}), frozenset({S.REPORTED})),
    "accept": (frozenset({S.REPORTED}), frozenset({S.DONE})),
    "return": (frozenset({S.REPORTED}), frozenset({S.ISSUED})),
    "request_extension": (frozenset({S.ISSUED}), frozenset({S.ISSUED})),
    "grant": (frozenset({S.ISSUED, S.REPORTED}), frozenset({S.ISSUED, S.REPORTED})),
    "refuse": (frozenset({S.ISSUED, S.REPORTED}), frozenset({S.ISSUED, S.REPORTED})),
    "close": (frozenset({S.ISSUED, S.REPORTED}), frozenset({S.CLOSED})),
    "cancel": (frozenset({S.ISSUED, S.REPORTED}), frozenset({S.CANCELLED})),
}
ACTIONS = tuple(TRANSITIONS)


def may_take(action: str, status: str) -> bool:
    return status in TRANSITIONS[action][0]
