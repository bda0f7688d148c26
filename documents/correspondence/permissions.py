"""Who reads and keeps the correspondence.

- The records office registers documents and reads every one that is not confidential.
- A registered document is read by whoever takes part in a resolution on it (author, controller,
  executors), by the heads of the subdivisions above the executor's (the subdivision the
  resolution names, or anything under a subdivision they head), and by the leadership (the
  chairman, the deputy chairman, the state secretary).
- An answer to a citizen's appeal, before it is registered, is also read by whoever may approve it:
  the leadership and the heads of subdivisions. They approve it (not its drafter), and only then
  the records office registers and sends it.
- A confidential document is read only by the people named on it (an object permission given by
  ``correspondence_name_reader``; the records officer who created it and the people a resolution
  assigns are named with it).
- A draft resolution is prepared by the records office for a head who may resolve the document,
  read by whoever reads the document, and approved or returned by that head (or, for the chairman,
  by the deputy acting for him by a delegation that covers today).
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from wagtail.permissions import register_permission_policy

from documents.correspondence.enums import DRAFT_LIFECYCLE, LIFECYCLE, Status
from documents.correspondence.models import Correspondence, ResolutionDraft
from documents.instructions.models import Instruction
from governance.access import objects
from governance.access.policy import has_permission, list_filter, role_codes, rule
from governance.access.wagtail import AccessPolicy

OFFICE = "records_officer"
LEADERSHIP = frozenset({"chairman", "deputy_chairman", "state_secretary"})
# The leadership and the heads of subdivisions: whom a draft resolution may be prepared for, and
# who approve the answers to citizens' appeals.
HEADS = LEADERSHIP | {"head_of_subdivision"}
VIEW = "correspondence.view_correspondence"


def in_office(user) -> bool:
    return OFFICE in role_codes(user)


def _leads(user) -> bool:
    return bool(role_codes(user) & LEADERSHIP)


def approves_answers(user) -> bool:
    """The leadership and the heads of subdivisions approve answers to citizens' appeals."""
    return bool(role_codes(user) & HEADS)


def _headed(user) -> set[int]:
    from governance.staff.permissions import headed_subdivisions

    return headed_subdivisions(user)


def _resolutions(user):
    """The instructions about documents in which ``user`` takes part or which go to a subdivision they head."""
    takes_part = Q(author=user) | Q(controller=user) | Q(executor=user) | Q(co_executors=user)
    headed = _headed(user)
    if headed:
        takes_part |= Q(subdivision__in=headed)
    return Instruction.objects.filter(takes_part, subject_type=ContentType.objects.get_for_model(Correspondence))


def named(user, document: Correspondence) -> bool:
    return objects.has_object_permission(user, VIEW, document)


@rule(VIEW)
def view_correspondence(user, document=None):
    """Without a document: may open the list, which ``visible_correspondence`` narrows."""
    if document is None:
        return in_office(user) or _leads(user)
    if document.confidential:
        return named(user, document)
    if in_office(user) or document.created_by_id == user.pk:
        return True
    if document.status != Status.REGISTERED:
        return document.appeal_id is not None and approves_answers(user)  # an answer awaiting approval
    return _leads(user) or _resolutions(user).filter(subject_id=document.pk).exists()


@list_filter(VIEW)
def visible_correspondence(user, queryset):
    if in_office(user):
        reach = Q()
    else:
        reach = Q(created_by=user)
        if _leads(user):
            reach |= Q(status=Status.REGISTERED)
        else:
            reach |= Q(status=Status.REGISTERED, pk__in=_resolutions(user).values("subject_id"))
        if approves_answers(user):
            reach |= Q(appeal__isnull=False)
    named_rows = objects.objects_with_permission(user, VIEW, Correspondence.objects.all()).values("pk")
    return queryset.filter((Q(confidential=False) & reach) | Q(pk__in=named_rows))


def _keeps(user, document) -> bool:
    """The records office keeps a draft (a confidential one only when named on it)."""
    if not in_office(user):
        return False
    if document is None:
        return True
    return document.status == Status.DRAFT and (not document.confidential or named(user, document))


rule("correspondence.add_correspondence")(lambda user, obj=None: in_office(user))
rule("correspondence.change_correspondence")(_keeps)
rule("correspondence.delete_correspondence")(lambda user, obj=None: False)
rule("correspondence.upload")(_keeps)
rule("correspondence.answer_point")(_keeps)


@list_filter("correspondence.change_correspondence")
def changeable(user, queryset):
    if not in_office(user):
        return queryset.none()
    return visible_correspondence(user, queryset).filter(status=Status.DRAFT)


list_filter("correspondence.delete_correspondence")(lambda user, queryset: queryset.none())


@rule(LIFECYCLE.policy_action("register"))
def register(user, document=None):
    return in_office(user) and (document is None or not document.confidential or named(user, document))


@rule(LIFECYCLE.policy_action("approve"))
def approve(user, document=None):
    """Approve an answer to an appeal: an approver who reads it and did not draft it."""
    if not approves_answers(user):
        return False
    return document is None or (document.created_by_id != user.pk and view_correspondence(user, document))


@rule("correspondence.resolve")
def resolve(user, document=None):
    """Give a resolution on a registered document: whoever issues instructions and reads it."""
    if not has_permission(user, "documents.add_instruction"):
        return False
    return document is None or (document.status == Status.REGISTERED and view_correspondence(user, document))


@rule("correspondence.name_reader")
def name_reader(user, document=None):
    """Name a reader of a confidential document: the records office, itself named on it."""
    return in_office(user) and (document is None or (document.confidential and named(user, document)))


# Draft resolutions: the records office prepares them for a head, the head approves or returns them.


def may_be_drafted_for(user, document: Correspondence) -> bool:
    """A draft resolution is prepared for a head who may resolve the document."""
    return bool(role_codes(user) & HEADS) and resolve(user, document)


def acts_for(user, head) -> bool:
    """The head themselves, or, for the chairman, a deputy whose delegation covers today."""
    if user.pk == head.pk:
        return True
    return "chairman" in role_codes(head) and acting_chairman(user)


def acting_chairman(user) -> bool:
    """Whether a delegation of the chairman's powers covering today names ``user``."""
    from governance.staff.selectors import is_acting_chairman

    return is_acting_chairman(user, timezone.localdate())


@rule("correspondence.view_resolutiondraft")
def view_resolutiondraft(user, draft=None):
    """A draft is read by whoever reads its document."""
    return view_correspondence(user, None if draft is None else draft.document)


@list_filter("correspondence.view_resolutiondraft")
def visible_drafts(user, queryset):
    return queryset.filter(document__in=visible_correspondence(user, Correspondence.objects.all()))


@rule("correspondence.resolution_draft_prepare")
def prepare_draft(user, document=None):
    """The records office prepares a draft resolution on a registered document it reads."""
    if not in_office(user):
        return False
    return document is None or (document.status == Status.REGISTERED and view_correspondence(user, document))


def _decides(user, draft: ResolutionDraft | None = None) -> bool:
    """The head named on the draft (or who acts for them), reading the document."""
    if draft is None:
        return bool(role_codes(user) & HEADS)
    return acts_for(user, draft.head) and view_correspondence(user, draft.document)


rule(DRAFT_LIFECYCLE.policy_action("approve"))(_decides)
rule(DRAFT_LIFECYCLE.policy_action("return"))(_decides)

register_permission_policy(Correspondence, AccessPolicy(Correspondence))
