from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle
from governance.access import policy


class Kind(models.TextChoices):
    INCOMING = "incoming", _("incoming")
    OUTGOING = "outgoing", _("outgoing")
    INTERNAL = "internal", _("internal")


class Status(models.TextChoices):
    DRAFT = "draft", _("draft")
    APPROVED = "approved", _("approved")
    REGISTERED = "registered", _("registered")


class Language(models.TextChoices):
    KY = "ky", _("Kyrgyz")
    RU = "ru", _("Russian")


REGISTERED = frozenset({Status.REGISTERED})
# An answer to an appeal that is being prepared: an appeal has one at a time.
IN_PREPARATION = frozenset({Status.DRAFT, Status.APPROVED})

# The series of each kind: numbers run per kind and year ("К-2026/15": кирүүчү, "Ч-2026/3": чыгуучу, "И-2026/7": ички).
SERIES_PREFIX = {Kind.INCOMING: "К", Kind.OUTGOING: "Ч", Kind.INTERNAL: "И"}


def _may_register(document):
    if not document.files.exists():
        return _("Upload the document's file before registering it.")
    if document.appeal_id is not None and document.status != Status.APPROVED:
        return _("An answer to an appeal is sent only once it is approved: ask the leadership to approve it.")
    return None


def _may_approve(document):
    if document.appeal_id is None:
        return _("Only an answer to a citizen's appeal is approved before it is sent.")
    if not document.files.exists():
        return _("Upload the answer's file before it is approved.")
    return points_refusal(document)


def points_refusal(document):
    """Why the answer does not yet answer its appeal: no points recorded, or points left unanswered."""
    from documents.correspondence.selectors import unanswered_points

    if not document.appeal.points.exists():
        return _("Record the points the appeal raises before its answer is approved.")
    missing = unanswered_points(document)
    if not missing:
        return None
    return _("The answer does not yet answer point(s) %(numbers)s of the appeal: %(points)s") % {
        "numbers": ", ".join(str(point.number) for point in missing),
        "points": "; ".join(f"{point.number}. {point.text[:80]}" for point in missing),
    }


# An answer to an appeal goes draft → approved → registered (sent); any other document draft → registered.
LIFECYCLE = Lifecycle(
    app="correspondence",
    transitions={
        "approve": ({Status.DRAFT}, {Status.APPROVED}),
        "register": ({Status.DRAFT, Status.APPROVED}, {Status.REGISTERED}),
    },
    labels={
        "approve": (_("Approve the answer"), _("Answer approved")),
        "register": (_("Register"), _("Registered")),
    },
    guards={"approve": _may_approve, "register": _may_register},
)


class DraftStatus(models.TextChoices):
    DRAFT = "draft", _("awaiting approval")
    APPROVED = "approved", _("approved")
    RETURNED = "returned", _("returned")


def _head_still_resolves(draft):
    if policy.can(draft.head, "correspondence.resolve", draft.document):
        return None
    return _("The head named on the draft may no longer give a resolution on this document.")


# An assistant's draft resolution: the head approves it (and it becomes a resolution in the head's
# name) or returns it with a remark. Either decision freezes the draft.
DRAFT_LIFECYCLE = Lifecycle(
    app="correspondence",
    action_prefix="resolution_draft_",
    transitions={
        "approve": ({DraftStatus.DRAFT}, {DraftStatus.APPROVED}),
        "return": ({DraftStatus.DRAFT}, {DraftStatus.RETURNED}),
    },
    labels={
        "approve": (_("Approve the resolution"), _("Draft resolution approved")),
        "return": (_("Return the draft"), _("Draft resolution returned")),
    },
    guards={"approve": _head_still_resolves},
)
