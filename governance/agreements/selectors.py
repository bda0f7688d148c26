"""Reads that the public pages, the API and the admin share."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, QuerySet

from documents.instructions.enums import OPEN
from documents.instructions.models import Instruction
from governance.access import policy
from governance.agreements.models import Agreement, AgreementText, Party


def public_agreements(user) -> QuerySet:
    """Public agreements in force, newest signature first, with their parties and texts."""
    queryset = Agreement.objects.prefetch_related(
        Prefetch("parties", queryset=Party.objects.order_by("pk")),
        Prefetch("texts", queryset=AgreementText.objects.order_by("pk")),
    ).order_by("-in_force_on", "-pk")
    return policy.visible(user, "agreements.read_published", queryset)


def public_agreement(user, pk: int) -> Agreement:
    """One public agreement in force; raises Agreement.DoesNotExist otherwise."""
    return public_agreements(user).get(pk=pk)


def public_text(user, agreement_pk: int, text_pk: int) -> AgreementText:
    agreement = public_agreement(user, agreement_pk)
    return agreement.texts.get(pk=text_pk)


def open_deadlines(user) -> QuerySet:
    """The open instructions about agreements, soonest first: the dashboard's panel."""
    agreements = policy.visible(user, "agreements.view_agreement", Agreement.objects.all())
    return (
        Instruction.objects.filter(
            subject_type=ContentType.objects.get_for_model(Agreement),
            subject_id__in=agreements.values("pk"),
            status__in=OPEN,
        )
        .select_related("executor")
        .order_by("deadline", "pk")
    )
