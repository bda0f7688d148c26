from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


class DonorKind(models.TextChoices):
    STATE = "state", _("foreign state or its agency")
    ORGANISATION = "organisation", _("international organisation")
    FOUNDATION = "foundation", _("foundation or other donor")


class GrantStatus(models.TextChoices):
    NEGOTIATED = "negotiated", _("negotiated")
    SIGNED = "signed", _("signed")
    ACTIVE = "active", _("active")
    CLOSED = "closed", _("closed")


class TrancheStatus(models.TextChoices):
    EXPECTED = "expected", _("expected")
    RECEIVED = "received", _("received")


# A grant whose money may be received, and one whose money may be spent.
RECEIVING = frozenset({GrantStatus.SIGNED, GrantStatus.ACTIVE})
SPENDING = frozenset({GrantStatus.ACTIVE})
# The grants the public site lists, when they are public.
PUBLISHED = frozenset({GrantStatus.SIGNED, GrantStatus.ACTIVE, GrantStatus.CLOSED})


def _ready_to_sign(grant):
    if not (grant.purpose_ky.strip() and grant.purpose_ru.strip()):
        return _("Write the purpose in both languages before signing.")
    planned = sum((line.amount for line in grant.lines.all()), start=grant.amount * 0)
    if planned != grant.amount:
        return _("The budget lines come to %(planned)s %(currency)s; the grant is %(amount)s %(currency)s.") % {
            "planned": planned,
            "amount": grant.amount,
            "currency": grant.currency,
        }
    return None


def _has_account(grant):
    return None if grant.treasury_account.strip() else _("Give the special treasury account first.")


S = GrantStatus
LIFECYCLE = Lifecycle(
    app="grants",
    transitions={
        "sign": ({S.NEGOTIATED}, {S.SIGNED}),
        "activate": ({S.SIGNED}, {S.ACTIVE}),
        "close": ({S.ACTIVE}, {S.CLOSED}),
    },
    labels={
        "sign": (_("Record the signature"), _("Signed")),
        "activate": (_("Start spending"), _("Active")),
        "close": (_("Close the grant"), _("Closed")),
    },
    guards={"sign": _ready_to_sign, "activate": _has_account},
)


def _grant_receives(tranche):
    if tranche.grant.status not in RECEIVING:
        return _("Money is received only for a signed or active grant.")
    return None


T = TrancheStatus
TRANCHE_LIFECYCLE = Lifecycle(
    app="grants",
    action_prefix="tranche_",
    transitions={"receive": ({T.EXPECTED}, {T.RECEIVED})},
    labels={"receive": (_("Record the receipt"), _("Received"))},
    guards={"receive": _grant_receives},
)
