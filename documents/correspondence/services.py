"""Every change of a document of the correspondence. The admin and other modules call only these.

Each service asks the policy, validates, changes the record in one transaction and writes
Wagtail's log. Resolutions are instructions of the shared engine whose subject is the document.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from documents import numbering, registration, workdays
from documents.appeals.enums import OPEN as OPEN_APPEALS
from documents.appeals.models import Appeal, AppealPoint
from documents.appeals.services import appeal_answer, check_attachment
from documents.correspondence.enums import (
    DRAFT_LIFECYCLE,
    IN_PREPARATION,
    LIFECYCLE,
    SERIES_PREFIX,
    DraftStatus,
    Kind,
    Status,
    points_refusal,
)
from documents.correspondence.models import AnswerPoint, Correspondence, CorrespondenceFile, ResolutionDraft
from documents.correspondence.permissions import VIEW, may_be_drafted_for
from documents.instructions.models import Instruction
from documents.instructions.services import instruction_create
from governance.access import objects, policy


def _locked(document: Correspondence) -> Correspondence:
    return Correspondence.objects.select_for_update(of=("self",)).get(pk=document.pk)


def _log(document: Correspondence, action: str, actor, **data) -> None:
    log(instance=document, action=action, user=actor, data=data or None)


def _name(document: Correspondence, users: Iterable) -> None:
    for user in users:
        if user is not None:
            objects.grant(user, VIEW, document)


APPROVED_FROZEN = _("This answer is approved: its text, its files and its answers to the points no longer change.")


def _refuse_if_approved(actor, document: Correspondence) -> None:
    """An approved answer is frozen: whoever reads it is told so, rather than merely refused."""
    if document.status == Status.APPROVED and policy.can(actor, VIEW, document):
        raise ValidationError(APPROVED_FROZEN, code="approved")


def _check_links(document: Correspondence) -> None:
    errors = {}
    for field in ("reply_to", "follows_from"):
        linked = getattr(document, field)
        if linked is None:
            continue
        if document.pk is not None and linked.pk == document.pk:
            errors[field] = _("A document cannot be linked to itself.")
        elif linked.status != Status.REGISTERED:
            errors[field] = _("Only a registered document can be linked.")
    if document.appeal_id is not None and document.kind != Kind.OUTGOING:
        errors["appeal"] = _("Only an outgoing document answers an appeal.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def correspondence_save(*, actor, document: Correspondence) -> Correspondence:
    """Create a draft, or change one: the registration data before the document is registered."""
    if document.pk is None:
        policy.require(actor, "correspondence.add_correspondence")
        document.created_by = actor
        document.status = Status.DRAFT
    else:
        stored = _locked(document)
        _refuse_if_approved(actor, stored)
        policy.require(actor, "correspondence.change_correspondence", stored)
        document.status, document.approved_by_id, document.approved_at = stored.status, None, None
    document.subject = (document.subject or "").strip()
    document.correspondent = (document.correspondent or "").strip()
    _check_links(document)
    document.full_clean()
    created = document._state.adding
    document.save()
    if document.confidential:
        _name(document, [actor])
    _log(document, "wagtail.create" if created else "wagtail.edit", actor)
    return document


@transaction.atomic
def correspondence_upload(*, actor, document: Correspondence, name: str, data: bytes) -> CorrespondenceFile:
    """Keep a new version of the document's file; earlier versions stay."""
    document = _locked(document)
    _refuse_if_approved(actor, document)
    policy.require(actor, "correspondence.upload", document)
    if document.status != Status.DRAFT:
        raise ValidationError(_("The file of a registered document is frozen."))
    attachment = check_attachment(name, data)
    version = (document.files.aggregate(last=Max("version"))["last"] or 0) + 1
    upload = CorrespondenceFile(
        correspondence=document, version=version, name=attachment.name, uploaded_by=actor, sha256=""
    )
    upload.file.save(attachment.name, ContentFile(attachment.data), save=False)
    upload.save()
    _log(document, "correspondence.upload", actor, version=version, name=attachment.name)
    return upload


@registration.atomic_with_files
def correspondence_register(*, actor, document: Correspondence) -> Correspondence:
    """Number the document in its kind's series for the year and freeze it with its last file
    version and its registration card. An outgoing answer to an appeal is registered (sent) only once
    approved, and answers the appeal."""
    document = _locked(document)
    policy.require(actor, LIFECYCLE.policy_action("register"), document)
    LIFECYCLE.check("register", document)
    _check_links(document)
    appeal = None
    if document.appeal_id is not None:
        appeal = Appeal.objects.select_for_update().get(pk=document.appeal_id)
        if appeal.status not in OPEN_APPEALS:
            raise ValidationError({"appeal": _("This appeal is no longer open.")})
        if document.language != appeal.language:
            raise ValidationError({"language": _("The answer is written in the language of the appeal.")})
        refusal = points_refusal(document)  # the points cannot change once approved; checked again
        if refusal is not None:
            raise ValidationError(refusal)
    document.full_clean()
    today = timezone.localdate()
    document.status = Status.REGISTERED
    document.registered_on = today
    document.year = today.year
    document.registered_version = document.files.aggregate(last=Max("version"))["last"]

    def take_number(record: Correspondence) -> None:
        record.number = numbering.next_number(record.series_key, record.year)
        record.number_display = f"{SERIES_PREFIX[record.kind]}-{record.year}/{record.number}"

    registration.register(document, take_number=take_number, file_name=f"card-{document.pk}.docx")
    _log(document, LIFECYCLE.log_action("register"), actor, number=document.number_display)
    if appeal is not None:
        appeal_answer(
            appeal=appeal,
            actor=actor,
            text=f"{document.number_display} {document.registered_on:%d.%m.%Y}: {document.summary or document.subject}",
        )
    return document


@transaction.atomic
def correspondence_name_reader(*, actor, document: Correspondence, reader) -> Correspondence:
    """Name one more reader of a confidential document."""
    policy.require(actor, "correspondence.name_reader", document)
    if not document.confidential:
        raise ValidationError(_("Only a confidential document has named readers."))
    _name(document, [reader])
    _log(document, "correspondence.name_reader", actor, reader=reader.pk)
    return document


@transaction.atomic
def correspondence_resolve(
    *,
    actor,
    document: Correspondence,
    text: str,
    executor,
    controller,
    co_executors: Iterable = (),
    deadline: datetime.date | None = None,
    days: int | None = None,
    working_days: bool = True,
    subdivision=None,
    title: str = "",
) -> Instruction:
    """A resolution (резолюция): an instruction of the shared engine about the registered document.
    The people it assigns are named on a confidential document, so that they read it."""
    document = _locked(document)
    policy.require(actor, "correspondence.resolve", document)
    if document.status != Status.REGISTERED:
        raise ValidationError(_("Register the document before giving a resolution on it."))
    co_executors = list(co_executors)
    instruction = instruction_create(
        actor=actor,
        subject=document,
        title=title or str(document),
        text=text,
        executor=executor,
        controller=controller,
        co_executors=co_executors,
        deadline=deadline,
        days=days,
        working_days=working_days,
        subdivision=subdivision,
    )
    if document.confidential:
        _name(document, [actor, executor, controller, *co_executors])
    _log(document, "correspondence.resolve", actor, instruction=instruction.pk)
    return instruction


# Draft resolutions: prepared by an assistant, they take effect when the head approves them.


@transaction.atomic
def resolution_draft_prepare(
    *,
    actor,
    document: Correspondence,
    head,
    responsible,
    co_executors: Iterable = (),
    text: str,
    deadline: datetime.date,
    subdivision=None,
) -> ResolutionDraft:
    """Prepare a resolution for ``head`` to approve: checked as the resolution itself will be (a
    head who may resolve the document, one responsible executor apart from the co-executors, a
    deadline not yet passed, moved off a day off), so that approving it does not fail later."""
    document = _locked(document)
    policy.require(actor, "correspondence.resolution_draft_prepare", document)
    errors = {}
    if head is None or head.pk == actor.pk or not may_be_drafted_for(head, document):
        errors["head"] = [_("Choose a head who may give a resolution on this document.")]
    co_executors = list(dict.fromkeys(co_executors))
    if responsible is not None and any(user.pk == responsible.pk for user in co_executors):
        errors["co_executors"] = [_("The responsible executor is not also a co-executor.")]
    if deadline is not None and workdays.on_working_day(deadline) < timezone.localdate():
        errors["deadline"] = [_("The deadline has already passed.")]
    draft = ResolutionDraft(
        document=document,
        head=head,
        responsible=responsible,
        subdivision=subdivision,
        text=(text or "").strip(),
        deadline=workdays.on_working_day(deadline) if deadline is not None else None,
        prepared_by=actor,
    )
    try:
        draft.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
    draft.save()
    draft.co_executors.set(co_executors)
    _log(document, "correspondence.resolution_draft_prepare", actor, draft=draft.pk, head=head.pk)
    return draft


def _begin_decision(action: str, draft: ResolutionDraft, actor) -> ResolutionDraft:
    draft = ResolutionDraft.objects.select_for_update(of=("self",)).select_related("document", "head").get(pk=draft.pk)
    policy.require(actor, DRAFT_LIFECYCLE.policy_action(action), draft)
    DRAFT_LIFECYCLE.check(action, draft)
    return draft


def _decided(draft: ResolutionDraft, action: str, status: str, actor) -> None:
    DRAFT_LIFECYCLE.check_end(action, status)
    draft.status, draft.decided_by, draft.decided_at = status, actor, timezone.now()


@transaction.atomic
def resolution_draft_approve(*, actor, draft: ResolutionDraft) -> ResolutionDraft:
    """The head approves the draft: it becomes a resolution in the head's name, with the draft's
    executors and deadline, and the draft is frozen with a link to it."""
    draft = _begin_decision("approve", draft, actor)
    instruction = correspondence_resolve(
        actor=draft.head,
        document=draft.document,
        text=draft.text,
        executor=draft.responsible,
        controller=draft.head,
        co_executors=draft.co_executors.all(),
        deadline=draft.deadline,
        subdivision=draft.subdivision,
    )
    _decided(draft, "approve", DraftStatus.APPROVED, actor)
    draft.instruction = instruction
    draft.full_clean()
    draft.save(update_fields=["status", "decided_by", "decided_at", "instruction"])
    _log(
        draft.document,
        DRAFT_LIFECYCLE.log_action("approve"),
        actor,
        draft=draft.pk,
        instruction=instruction.pk,
        head=draft.head_id,
    )
    return draft


@transaction.atomic
def resolution_draft_return(*, actor, draft: ResolutionDraft, remark: str) -> ResolutionDraft:
    """The head returns the draft to the assistant with a remark; a new draft may follow."""
    draft = _begin_decision("return", draft, actor)
    remark = (remark or "").strip()
    if not remark:
        raise ValidationError({"remark": _("Say why the draft is returned.")})
    _decided(draft, "return", DraftStatus.RETURNED, actor)
    draft.remark = remark
    draft.full_clean()
    draft.save(update_fields=["status", "decided_by", "decided_at", "remark"])
    _log(draft.document, DRAFT_LIFECYCLE.log_action("return"), actor, draft=draft.pk, comment=remark)
    return draft


# Answers to citizens' appeals: each point answered, approved by someone other than the drafter.


def _answer_in_progress(document: Correspondence) -> None:
    if document.appeal_id is None:
        raise ValidationError(_("Only an answer to a citizen's appeal answers its points."))
    if document.status != Status.DRAFT:
        raise ValidationError(_("The answers to the points change only while the answer is a draft."))


@transaction.atomic
def correspondence_answer_point(
    *, actor, document: Correspondence, point: AppealPoint, text: str, answered: bool = True
) -> AnswerPoint:
    """Say in the draft answer how it answers one point of the appeal (and whether it does)."""
    document = _locked(document)
    _refuse_if_approved(actor, document)
    policy.require(actor, "correspondence.answer_point", document)
    _answer_in_progress(document)
    if point.appeal_id != document.appeal_id:
        raise ValidationError(_("This point belongs to another appeal."))
    if not text.strip():
        raise ValidationError(_("Say how the answer answers this point."))
    answer = AnswerPoint.objects.filter(correspondence=document, point=point).first() or AnswerPoint(
        correspondence=document, point=point
    )
    answer.text, answer.answered = text.strip(), answered
    answer.full_clean()
    answer.save()
    _log(document, "correspondence.answer_point", actor, point=point.number, answered=answered)
    return answer


@transaction.atomic
def correspondence_approve(*, actor, document: Correspondence) -> Correspondence:
    """Approve the answer to an appeal before it is sent: someone other than its drafter, whom the
    policy allows (the leadership, a head of a subdivision), once it answers every point of the appeal.
    From then on its text, its files and its answers to the points are frozen."""
    document = _locked(document)
    if document.created_by_id == actor.pk:
        raise ValidationError(_("You drafted this answer: someone else approves it."), code="own_answer")
    policy.require(actor, LIFECYCLE.policy_action("approve"), document)
    LIFECYCLE.check("approve", document)
    appeal = Appeal.objects.select_for_update().get(pk=document.appeal_id)
    if appeal.status not in OPEN_APPEALS:
        raise ValidationError({"appeal": _("This appeal is no longer open.")})
    if document.language != appeal.language:
        raise ValidationError({"language": _("The answer is written in the language of the appeal.")})
    document.status, document.approved_by, document.approved_at = Status.APPROVED, actor, timezone.now()
    LIFECYCLE.check_end("approve", document.status)
    document.save(update_fields=["status", "approved_by", "approved_at"])
    _log(document, LIFECYCLE.log_action("approve"), actor)
    return document


def approved_answer_lock(appeal: Appeal) -> str | None:
    """The points of an appeal stay as its approved answer answers them (appeals.services.POINT_LOCKS)."""
    if appeal.answers.filter(status=Status.APPROVED).exists():
        return _("The answer to this appeal is approved: its points no longer change.")
    return None


def _anonymous(appeal: Appeal) -> str:
    with translation.override(appeal.language):
        return str(_("The anonymous sender of appeal No. %(number)s") % {"number": appeal.number})


@transaction.atomic
def appeal_reply_draft(*, actor, appeal: Appeal, subject: str, summary: str = "") -> Correspondence:
    """Draft the answer to a citizen's appeal: an outgoing document in the language of the appeal."""
    policy.require(actor, "appeals.process_appeal", appeal)
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    if appeal.status not in OPEN_APPEALS:
        raise ValidationError(_("This appeal is no longer open."))
    if appeal.answers.filter(status__in=IN_PREPARATION).exists():
        raise ValidationError(_("This appeal already has an answer in preparation: go on with it."))
    draft = Correspondence(
        kind=Kind.OUTGOING,
        document_date=timezone.localdate(),
        correspondent=appeal.organisation or appeal.name or _anonymous(appeal),
        language=appeal.language,
        subject=subject,
        summary=summary,
        appeal=appeal,
    )
    return correspondence_save(actor=actor, document=draft)
