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


class ExternalActKind(models.TextChoices):
    """The acts of other bodies that appoint to the agency's nomenclature posts or confer on them."""

    PRIME_MINISTER_ORDER = "pm_order", _("order of the Prime Minister")
    GOVERNMENT_DECREE = "government_decree", _("decree of the Government")
    PRESIDENT_DECREE = "president_decree", _("decree of the President")


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


def only_nomenclature(action) -> str | None:
    """An external act puts into effect only an action on a nomenclature post."""
    if action.nomenclature_post() is None:
        return _("The post is not on the nomenclature: the action takes effect by the agency's personnel order.")
    return None


A = ActionStatus
# A personnel order carries the actions on the agency's own posts; an action on a nomenclature post
# takes effect by the external act (the Prime Minister's order, say) recorded against it.
ACTION_LIFECYCLE = Lifecycle(
    app="staff",
    action_prefix="action_",
    transitions={
        "take_effect": ({A.PROPOSAL}, {A.EFFECTIVE}),
        "record_external": ({A.PROPOSAL}, {A.EFFECTIVE}),
    },
    labels={
        "take_effect": (_("Take effect"), _("Took effect by a signed personnel order")),
        "record_external": (_("Record the external act"), _("Took effect by an external act")),
    },
    guards={"record_external": only_nomenclature},
)
