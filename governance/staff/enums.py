from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


class StaffingStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    PROPOSED = "proposed", _("proposed for approval")
    APPROVED = "approved", _("approved")


class ActionKind(models.TextChoices):
    APPOINTMENT = "appointment", _("appointment")
    TRANSFER = "transfer", _("transfer")
    ACTING = "acting", _("acting in a post")
    DISMISSAL = "dismissal", _("dismissal")


class ActionStatus(models.TextChoices):
    PROPOSAL = "proposal", _("proposal")
    EFFECTIVE = "effective", _("in effect")


# The kinds that put the employee in a post of the staffing table.
TAKES_POST = frozenset({ActionKind.APPOINTMENT, ActionKind.TRANSFER, ActionKind.ACTING})
# The kinds that take up a unit (an acting employee stands in for an absent holder).
TAKES_UNIT = frozenset({ActionKind.APPOINTMENT, ActionKind.TRANSFER})


S = StaffingStatus
# Approval is not a button: a version is approved when the chairman signs the order that carries it.
STAFFING_LIFECYCLE = Lifecycle(
    app="staff",
    action_prefix="staffing_",
    transitions={
        "propose": ({S.DRAFT}, {S.PROPOSED}),
        "approve": ({S.PROPOSED}, {S.APPROVED}),
    },
    labels={
        "propose": (_("Propose for approval"), _("Proposed for approval by an order")),
        "approve": (_("Approve"), _("Approved by a signed order")),
    },
)

A = ActionStatus
ACTION_LIFECYCLE = Lifecycle(
    app="staff",
    action_prefix="action_",
    transitions={"take_effect": ({A.PROPOSAL}, {A.EFFECTIVE})},
    labels={"take_effect": (_("Take effect"), _("Took effect by a signed personnel order"))},
)
