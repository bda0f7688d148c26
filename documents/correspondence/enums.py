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
    REGISTERED = "registered", _("registered")


class Language(models.TextChoices):
    KY = "ky", _("Kyrgyz")
    RU = "ru", _("Russian")


REGISTERED = frozenset({Status.REGISTERED})

# The series of each kind: numbers run per kind and year ("К-2026/15": кирүүчү, "Ч-2026/3": чыгуучу, "И-2026/7": ички).
SERIES_PREFIX = {Kind.INCOMING: "К", Kind.OUTGOING: "Ч", Kind.INTERNAL: "И"}


def _has_file(document):
    return None if document.files.exists() else _("Upload the document's file before registering it.")


LIFECYCLE = Lifecycle(
    app="correspondence",
    transitions={"register": ({Status.DRAFT}, {Status.REGISTERED})},
    labels={"register": (_("Register"), _("Registered"))},
    guards={"register": _has_file},
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
