"""Reads that the admin, the desk and the demo share."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from documents.correspondence.models import Correspondence
from documents.instructions.models import Instruction


def resolutions(document: Correspondence) -> QuerySet:
    """The resolutions on ``document``, with what their rows show."""
    return (
        Instruction.objects.for_subject(document)
        .select_related("author", "executor", "controller")
        .prefetch_related("co_executors")
        .order_by("created_at", "pk")
    )


def with_overdue_resolutions(day: datetime.date, queryset: QuerySet) -> QuerySet:
    """The documents with a resolution still in execution after its deadline on ``day``."""
    overdue = Instruction.objects.overdue_on(day).filter(subject_type=ContentType.objects.get_for_model(Correspondence))
    return queryset.filter(pk__in=overdue.values("subject_id"))
