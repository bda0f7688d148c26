"""Reads that the admin, the desk and the demo share."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce

from documents.appeals.models import AppealPoint
from documents.correspondence.enums import DraftStatus, Status
from documents.correspondence.models import AnswerPoint, Correspondence, ResolutionDraft
from documents.correspondence.permissions import HEADS, acting_chairman
from documents.instructions.models import Instruction
from governance.access import policy


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


def resolution_drafts(document: Correspondence, visible: QuerySet) -> QuerySet:
    """The draft resolutions on ``document`` among ``visible`` (the drafts the reader may read),
    with what their rows show."""
    return (
        visible.filter(document=document)
        .select_related("document", "head", "responsible", "prepared_by", "decided_by", "instruction")
        .prefetch_related("co_executors")
        .order_by("created_at", "pk")
    )


def drafts_awaiting(user) -> QuerySet:
    """The drafts waiting for ``user`` to approve them: as the head named on them or, for the
    chairman's drafts, as the deputy acting for the chairman today."""
    if not policy.role_codes(user) & HEADS:
        return ResolutionDraft.objects.none()
    heads = Q(head=user)
    if acting_chairman(user):
        heads |= Q(head__groups__role__code="chairman")
    waiting = ResolutionDraft.objects.filter(heads, status=DraftStatus.DRAFT)
    return (
        policy.visible(user, "correspondence.view_resolutiondraft", waiting)
        .select_related("document", "prepared_by")
        .distinct()
        .order_by("created_at", "pk")
    )


def answers_awaiting(user) -> QuerySet:
    """The draft answers to citizens' appeals that ``user`` may approve (the leadership and the heads
    of subdivisions; not their own drafts), the nearest deadline first."""
    if not policy.role_codes(user) & HEADS:
        return Correspondence.objects.none()
    drafts = Correspondence.objects.filter(appeal__isnull=False, status=Status.DRAFT).exclude(created_by=user)
    return (
        policy.visible(user, "correspondence.view_correspondence", drafts)
        .select_related("appeal", "created_by")
        .order_by(Coalesce("appeal__extended_to", "appeal__deadline"), "pk")
    )


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
