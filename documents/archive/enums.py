from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


class ActStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    REFUSED = "refused", _("refused")


class CaseStatus(models.TextChoices):
    KEPT = "kept", _("kept")
    PROPOSED = "proposed", _("proposed for destruction")
    DESTROYED = "destroyed", _("destroyed")


S = ActStatus
# The records officer proposes an act; the expert commission's chair, another person, approves or refuses it.
LIFECYCLE = Lifecycle(
    app="archive",
    action_prefix="destruction_",
    transitions={
        "approve": ({S.PROPOSED}, {S.APPROVED}),
        "refuse": ({S.PROPOSED}, {S.REFUSED}),
    },
    labels={
        "approve": (_("Approve the destruction"), _("Destruction approved")),
        "refuse": (_("Refuse the destruction"), _("Destruction refused")),
    },
)
