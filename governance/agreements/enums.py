from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


class AgreementKind(models.TextChoices):
    INTERGOVERNMENTAL = "intergovernmental", _("intergovernmental")
    INTERAGENCY = "interagency", _("interagency")
    ORGANISATION = "organisation", _("with an international organisation")


class Stage(models.TextChoices):
    CONSULTATIONS = "consultations", _("consultations")
    NEGOTIATIONS = "negotiations", _("negotiations")
    INITIALLED = "initialled", _("initialled")
    SIGNED = "signed", _("signed")
    RATIFICATION = "ratification", _("ratification or approval")
    IN_FORCE = "in_force", _("in force")
    SUSPENDED = "suspended", _("suspended")
    TERMINATED = "terminated", _("terminated")


class SignatoryKind(models.TextChoices):
    CHAIRMAN = "chairman", _("the chairman, within his competence")
    AUTHORISED = "authorised", _("another authorised person")


class EventKind(models.TextChoices):
    ROUND = "round", _("negotiation round")
    INITIALLING = "initialling", _("initialling")
    SIGNATURE = "signature", _("signature")
    RATIFICATION = "ratification", _("ratification or approval")
    NOTIFICATION = "notification", _("notification")
    ENTRY_INTO_FORCE = "entry_into_force", _("entry into force")
    RESERVATION = "reservation", _("reservation or declaration")
    SUSPENSION = "suspension", _("suspension")
    RESUMPTION = "resumption", _("resumption")
    DENUNCIATION = "denunciation", _("denunciation or termination")


class PartyKind(models.TextChoices):
    STATE = "state", _("state or government")
    AGENCY = "agency", _("state agency")
    ORGANISATION = "organisation", _("international organisation")


# The stages in which an agreement binds the agency: its deadlines are under control.
BINDING = frozenset({Stage.IN_FORCE, Stage.SUSPENDED})
# The stages the public may read, when the agreement is public.
PUBLISHED = frozenset({Stage.IN_FORCE})


def _signed_requisites(agreement):
    if not (agreement.subject_ky.strip() and agreement.subject_ru.strip()):
        return _("Write the subject in both languages before signing.")
    if agreement.signatory_kind == SignatoryKind.AUTHORISED and not agreement.signatory_authority.strip():
        return _("Name the act that authorises another person to sign.")
    return None


def _no_ratification(agreement):
    if agreement.requires_ratification and agreement.stage == Stage.SIGNED:
        return _("This agreement enters into force only after ratification or approval.")
    return None


def _needs_ratification(agreement):
    return None if agreement.requires_ratification else _("This agreement needs no ratification or approval.")


S = Stage
LIFECYCLE = Lifecycle(
    app="agreements",
    status_field="stage",
    transitions={
        "negotiate": ({S.CONSULTATIONS}, {S.NEGOTIATIONS}),
        "initial": ({S.NEGOTIATIONS}, {S.INITIALLED}),
        "sign": ({S.NEGOTIATIONS, S.INITIALLED}, {S.SIGNED}),
        "submit_ratification": ({S.SIGNED}, {S.RATIFICATION}),
        "enter_into_force": ({S.SIGNED, S.RATIFICATION}, {S.IN_FORCE}),
        "suspend": ({S.IN_FORCE}, {S.SUSPENDED}),
        "resume": ({S.SUSPENDED}, {S.IN_FORCE}),
        "terminate": ({S.IN_FORCE, S.SUSPENDED}, {S.TERMINATED}),
    },
    labels={
        "negotiate": (_("Open negotiations"), _("Negotiations opened")),
        "initial": (_("Initial"), _("Initialled")),
        "sign": (_("Record the signature"), _("Signed")),
        "submit_ratification": (_("Submit for ratification or approval"), _("Submitted for ratification or approval")),
        "enter_into_force": (_("Record the entry into force"), _("Entered into force")),
        "suspend": (_("Suspend"), _("Suspended")),
        "resume": (_("Resume"), _("Resumed")),
        "terminate": (_("Terminate"), _("Terminated")),
    },
    guards={
        "sign": _signed_requisites,
        "submit_ratification": _needs_ratification,
        "enter_into_force": _no_ratification,
    },
)
