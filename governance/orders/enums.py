from django.db import models
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


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


def only_public(order) -> str | None:
    if order.confidentiality != Confidentiality.PUBLIC:
        return _("Only public orders are published.")
    return None


# Which status may follow which, and by which service.
LIFECYCLE = Lifecycle(
    app="orders",
    transitions={
        # action: (from, to)
        "submit": ({S.DRAFT}, {S.IN_APPROVAL}),
        "approve": ({S.IN_APPROVAL}, {S.IN_APPROVAL, S.APPROVED}),
        "reject": ({S.IN_APPROVAL}, {S.DRAFT}),
        "return": ({S.IN_APPROVAL, S.APPROVED}, {S.DRAFT}),
        "sign": ({S.APPROVED}, {S.SIGNED}),
        "publish": ({S.SIGNED}, {S.PUBLISHED}),
        "suspend": (ACTING, {S.SUSPENDED}),
        "resume": ({S.SUSPENDED}, {S.SIGNED, S.PUBLISHED}),
        "cancel": ({S.SIGNED, S.PUBLISHED, S.SUSPENDED}, {S.CANCELLED}),
        "verify": (REGISTERED, ()),  # re-checks the digests: no end status, the status stays
    },
    labels={
        "submit": (_("Submit for approval"), _("Submitted for approval")),
        "approve": (_("Approve"), _("Approved")),
        "reject": (_("Reject"), _("Rejected")),
        "return": (_("Return for revision"), _("Returned for revision")),
        "sign": (_("Sign"), _("Signed and registered")),
        "publish": (_("Publish"), _("Published")),
        "suspend": (_("Suspend"), _("Suspended")),
        "resume": (_("Resume"), _("Resumed")),
        "cancel": (_("Cancel the order"), _("Cancelled")),
        "verify": (_("Verify"), _("Digests verified")),
    },
    guards={"publish": only_public},
)


# How a link between two orders reads, from the side of the order shown: whole sentences, so that
# each language puts the verb and the other order where its grammar wants them.
LINK_SENTENCES = {
    ("suspends", True): _("Suspends order %(order)s"),
    ("resumes", True): _("Resumes order %(order)s"),
    ("cancels", True): _("Cancels order %(order)s"),
    ("amends", True): _("Amends order %(order)s"),
    ("suspends", False): _("Suspended by order %(order)s"),
    ("resumes", False): _("Resumed by order %(order)s"),
    ("cancels", False): _("Cancelled by order %(order)s"),
    ("amends", False): _("Amended by order %(order)s"),
}


def link_sentence_html(kind: str, *, taken: bool, url: str, text: str) -> SafeString:
    """The sentence for a link of ``kind`` (taken: this order acts on the other), naming the other
    order by a link to ``url`` that reads ``text``."""
    anchor = format_html('<a href="{}">{}</a>', url, text)
    return format_html(str(LINK_SENTENCES[kind, taken]).replace("%(order)s", "{}"), anchor)
