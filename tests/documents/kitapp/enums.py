from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


class MemoStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", "submitted"
    APPROVED = "approved", _("approved")


S = MemoStatus


def has_body(memo) -> str | None:
    return None if memo.body.strip() else "A memo without a body is not approved."


LIFECYCLE = Lifecycle(
    app="kitapp",
    transitions={
        "submit": ({S.DRAFT}, {S.SUBMITTED}),
        "approve": ({S.SUBMITTED}, {S.APPROVED}),
        "send_back": ({S.SUBMITTED, S.APPROVED}, {S.DRAFT}),
    },
    labels={
        "submit": (_("Submit for approval"), _("Submitted for approval")),
        "approve": (_("Approve"), _("Approved")),
        "send_back": (_("Reject"), _("Rejected")),
    },
    guards={"approve": has_body},
)
