from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    IN_APPROVAL = "in_approval", _("in approval")
    APPROVED = "approved", _("approved")
    SIGNED = "signed", _("signed")
    PUBLISHED = "published", _("published")
    SUSPENDED = "suspended", _("suspended")
    CANCELLED = "cancelled", _("cancelled")


class Confidentiality(models.TextChoices):
    PUBLIC = "public", _("public")
    INTERNAL = "internal", _("internal")
    PERSONNEL = "personnel", _("personnel")


class ApprovalDecision(models.TextChoices):
    PENDING = "pending", _("pending")
    APPROVED = "approved", _("approved")
    REJECTED = "rejected", _("rejected")


class LinkKind(models.TextChoices):
    """How a signed order acts on an earlier one."""

    SUSPENDS = "suspends", _("suspends")
    RESUMES = "resumes", _("resumes")
    CANCELS = "cancels", _("cancels")


S = OrderStatus
EDITABLE = frozenset({S.DRAFT})
# Registered: a number is given and the text is frozen.
REGISTERED = frozenset({S.SIGNED, S.PUBLISHED, S.SUSPENDED, S.CANCELLED})
# May suspend, resume or cancel another order.
ACTING = frozenset({S.SIGNED, S.PUBLISHED})

# Which status may follow which, and by which service.
TRANSITIONS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # action: (from, to)
    "submit": (frozenset({S.DRAFT}), frozenset({S.IN_APPROVAL})),
    "approve": (frozenset({S.IN_APPROVAL}), frozenset({S.IN_APPROVAL, S.APPROVED})),
    "reject": (frozenset({S.IN_APPROVAL}), frozenset({S.DRAFT})),
    "sign": (frozenset({S.APPROVED}), frozenset({S.SIGNED})),
    "publish": (frozenset({S.SIGNED}), frozenset({S.PUBLISHED})),
    "suspend": (frozenset({S.SIGNED, S.PUBLISHED}), frozenset({S.SUSPENDED})),
    "resume": (frozenset({S.SUSPENDED}), frozenset({S.SIGNED, S.PUBLISHED})),
    "cancel": (frozenset({S.SIGNED, S.PUBLISHED, S.SUSPENDED}), frozenset({S.CANCELLED})),
}
ACTIONS = tuple(TRANSITIONS)


def may_take(action: str, status: str) -> bool:
    return status in TRANSITIONS[action][0]
