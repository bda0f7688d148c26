from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle

# The series of orders that confers the agency's awards: its code, kept by the records office.
AWARDS_SERIES = "awards"


class AwardLevel(models.TextChoices):
    AGENCY = "agency", _("agency award")
    STATE = "state", _("state award or honorary title")


class NomineeKind(models.TextChoices):
    EMPLOYEE = "employee", _("employee")
    PERSON = "person", _("outside person")
    ORGANISATION = "organisation", _("organisation")


class Language(models.TextChoices):
    KY = "ky", _("Kyrgyz")
    RU = "ru", _("Russian")


class NominationStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    CONFERRED = "conferred", _("conferred")
    SUBMITTED = "submitted", _("submitted to the Government")
    REJECTED = "rejected", _("rejected")


S = NominationStatus
OPEN = frozenset({S.PROPOSED, S.APPROVED})


def collegium_considered(nomination):
    """A kind the agency's rule sends to the collegium needs its registered decision first."""
    if nomination.kind.needs_collegium and nomination.collegium_decision_id is None:
        return _("The collegium considers this award first: name its registered decision.")
    return None


# The chairman decides; an approved agency award is conferred when the order that carries it is
# signed (no button confers), a state award or honorary title goes to the Government as a submission.
LIFECYCLE = Lifecycle(
    app="awards",
    transitions={
        "collegium": ({S.PROPOSED}, ()),
        "approve": ({S.PROPOSED}, {S.APPROVED, S.SUBMITTED}),
        "reject": ({S.PROPOSED}, {S.REJECTED}),
        "confer": ({S.APPROVED}, {S.CONFERRED}),
    },
    labels={
        "collegium": (_("Record the collegium's decision"), _("The collegium's decision recorded")),
        "approve": (_("Approve"), _("Approved by the chairman")),
        "reject": (_("Reject"), _("Rejected by the chairman")),
        "confer": (_("Confer"), _("Conferred by a signed order")),
    },
    guards={"approve": collegium_considered},
)
