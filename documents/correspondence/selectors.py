"""Reads that the admin, the desk and the demo share."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from documents.appeals.models import AppealPoint
from documents.correspondence.models import AnswerPoint, Correspondence
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


def answer_points(document: Correspondence) -> list[tuple[AppealPoint, AnswerPoint | None]]:
    """Each point of the appeal the document answers, with what the answer says of it (or None)."""
    if document.appeal_id is None:
        return []
    answers = {answer.point_id: answer for answer in AnswerPoint.objects.filter(correspondence=document)}
    points = AppealPoint.objects.filter(appeal_id=document.appeal_id).order_by("number")
    return [(point, answers.get(point.pk)) for point in points]


def unanswered_points(document: Correspondence) -> list[AppealPoint]:
    """The points of the appeal that the answer does not mark as answered, with a text saying how."""
    return [point for point, answer in answer_points(document) if answer is None or not answer.answered]
