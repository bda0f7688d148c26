"""Every change of an appeal's state. The public form calls :func:`appeal_submit`."""

import datetime
import hashlib
import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass

import puremagic
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from documents import numbering, office_guard, workdays
from documents.appeals.enums import OPEN, Status
from documents.appeals.models import Appeal, AppealAttachment, AppealPoint, DeadlineRule
from documents.instructions.enums import DeadlineUnit
from governance.access import policy

SERIES = "appeals"
MAX_ATTACHMENTS = 3
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ATTACHMENT_TYPES = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png", DOCX: "docx"}
FLOOD_WINDOW = datetime.timedelta(hours=1)

# Modules above this one that hold an appeal's points fast register here: each says why the points
# of an appeal may not change now (an approved answer, say), or None.
POINT_LOCKS: list[Callable[[Appeal], str | None]] = []


@dataclass(frozen=True)
class Attachment:
    name: str
    data: bytes
    content_type: str


def check_attachment(name: str, data: bytes) -> Attachment:
    """A file the sender may attach: its kind is read from its content, never from its name."""
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            _("“%(name)s” is larger than %(limit)s MB.") % {"name": name, "limit": MAX_ATTACHMENT_BYTES // 2**20}
        )
    try:
        content_type = puremagic.from_string(data, mime=True) if data else ""
    except puremagic.PureError:
        content_type = ""
    if content_type not in ATTACHMENT_TYPES:
        raise ValidationError(_("“%(name)s” is not a PDF, JPEG, PNG or .docx file.") % {"name": name})
    if content_type == DOCX:
        try:
            office_guard.check(data)
        except office_guard.OfficeFileRefused as refused:
            raise ValidationError(f"“{name}”: {refused.message}") from None
    return Attachment(name=name[:200], data=data, content_type=content_type)


def address_digest(address: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def rule_on(day: datetime.date) -> DeadlineRule:
    rule = DeadlineRule.objects.filter(effective_from__lte=day).order_by("-effective_from").first()
    if rule is None:
        raise ValidationError(_("No deadline rule is in force; appeals cannot be registered."))
    return rule


@transaction.atomic
def appeal_submit(
    *, fields: dict, attachments: list[Attachment], address: str, language: str, now: datetime.datetime | None = None
) -> tuple[Appeal, str]:
    """Register an appeal from the public site; returns it and the token of its status link,
    which is shown to the sender once and kept only as a hash."""
    digest = address_digest(address)
    now = now or timezone.now()
    recent = Appeal.objects.filter(address_digest=digest, received_at__gte=now - FLOOD_WINDOW).count()
    if recent >= settings.APPEALS_PER_ADDRESS_PER_HOUR:
        raise ValidationError(_("Too many appeals were sent from your address in the last hour. Try again later."))
    if len(attachments) > MAX_ATTACHMENTS:
        raise ValidationError(_("Attach at most %(count)d files.") % {"count": MAX_ATTACHMENTS})
    today = timezone.localdate(now)
    rule = rule_on(today)
    token = secrets.token_urlsafe(32)
    appeal = Appeal(
        **fields,
        language=language,
        received_at=now,
        registered_on=today,
        rule=rule,
        deadline=workdays.compute_deadline(base=today, count=rule.answer_days, unit=DeadlineUnit.WORKING_DAYS),
        token_hash=token_hash(token),
        address_digest=digest,
        number=f"{today.year}/{numbering.next_number(SERIES, today.year)}",
    )
    appeal.full_clean()
    appeal.save()
    for attachment in attachments:
        sha = hashlib.sha256(attachment.data).hexdigest()
        record = AppealAttachment(
            appeal=appeal, name=attachment.name, content_type=attachment.content_type, size=len(attachment.data)
        )
        record.digest = sha
        record.file.save(f"{sha}.{ATTACHMENT_TYPES[attachment.content_type]}", ContentFile(attachment.data), save=False)
        record.save()
    log(instance=appeal, action="wagtail.create", user=None)
    return appeal, token


def by_token(token: str) -> Appeal | None:
    if not token or len(token) > 100:
        return None
    return Appeal.objects.select_related("rule").filter(token_hash=token_hash(token)).first()


def _tell_sender(appeal: Appeal, event: str) -> None:
    """An e-mail to the sender in the appeal's language, sent only once the change is committed.

    It names the appeal by its number and never carries the private status link: only its digest
    is stored, and the sender keeps the link from the day they wrote.
    """

    if not appeal.email:  # an anonymous sender may give no address: the status page tells them
        return

    def send():
        with translation.override(appeal.language):
            if event == "extended":
                subject = gettext("Appeal No. %(number)s: the term is extended") % {"number": appeal.number}
                body = gettext(
                    "The term for answering your appeal No. %(number)s is extended to %(until)s.\nReason: %(reason)s"
                ) % {
                    "number": appeal.number,
                    "until": formats.date_format(appeal.extended_to, "SHORT_DATE_FORMAT"),
                    "reason": appeal.extension_reason,
                }
            else:
                subject = gettext("Appeal No. %(number)s: forwarded") % {"number": appeal.number}
                body = gettext(
                    "Your appeal No. %(number)s is outside the Service's competence and has been forwarded "
                    "to: %(to)s. That body will answer you."
                ) % {"number": appeal.number, "to": appeal.forwarded_to}
            footer = gettext("You can follow your appeal on the status page with the link you received.")
        send_mail(subject=subject, message=f"{body}\n\n{footer}", from_email=None, recipient_list=[appeal.email])

    transaction.on_commit(send)


def _open(appeal: Appeal) -> None:
    if appeal.status not in OPEN:
        raise ValidationError(_("This appeal is already closed."))


@transaction.atomic
def appeal_extend(*, appeal: Appeal, actor, until: datetime.date, reason: str) -> Appeal:
    """Extend the term, with its reason; the sender is told by e-mail and sees both on the status page."""
    policy.require(actor, "appeals.process_appeal", appeal)
    _open(appeal)
    if until <= appeal.due:
        raise ValidationError(_("The new term must be later than the current one."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for the extension."))
    appeal.extended_to, appeal.extension_reason, appeal.status = until, reason.strip(), Status.EXTENDED
    appeal.save(update_fields=["extended_to", "extension_reason", "status"])
    log(instance=appeal, action="wagtail.edit", user=actor, data={"extended_to": until.isoformat()})
    _tell_sender(appeal, "extended")
    return appeal


@transaction.atomic
def appeal_forward(*, appeal: Appeal, actor, to: str) -> Appeal:
    """Forward an appeal outside the Service's competence; the sender is told by e-mail and the
    status page says where."""
    policy.require(actor, "appeals.process_appeal", appeal)
    _open(appeal)
    if not to.strip():
        raise ValidationError(_("Name the body the appeal is forwarded to."))
    appeal.forwarded_to, appeal.status = to.strip(), Status.FORWARDED
    appeal.save(update_fields=["forwarded_to", "status"])
    log(instance=appeal, action="wagtail.edit", user=actor, data={"forwarded_to": appeal.forwarded_to})
    _tell_sender(appeal, "forwarded")
    return appeal


@transaction.atomic
def appeal_answer(*, appeal: Appeal, actor, text: str, on: datetime.date | None = None) -> Appeal:
    policy.require(actor, "appeals.process_appeal", appeal)
    _open(appeal)
    if not text.strip():
        raise ValidationError(_("Write the answer."))
    appeal.answer, appeal.answered_on, appeal.status = text.strip(), on or timezone.localdate(), Status.ANSWERED
    appeal.save(update_fields=["answer", "answered_on", "status"])
    log(instance=appeal, action="wagtail.edit", user=actor, data={"answered_on": appeal.answered_on.isoformat()})
    return appeal


@transaction.atomic
def appeal_leave_unconsidered(*, appeal: Appeal, actor, reason: str) -> Appeal:
    """Leave an anonymous appeal unconsidered, as the law on citizens' appeals allows: a final status
    with its reason, shown on the sender's status page; a named appeal is always considered."""
    policy.require(actor, "appeals.process_appeal", appeal)
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    _open(appeal)
    if not appeal.anonymous:
        raise ValidationError(_("Only an anonymous appeal may be left unconsidered; this one is signed: answer it."))
    if not reason.strip():
        raise ValidationError(_("Give the reason for leaving the appeal unconsidered."))
    appeal.unconsidered_reason, appeal.unconsidered_on = reason.strip(), timezone.localdate()
    appeal.status = Status.UNCONSIDERED
    appeal.save(update_fields=["unconsidered_reason", "unconsidered_on", "status"])
    log(instance=appeal, action="appeals.leave_unconsidered", user=actor, data={"reason": appeal.unconsidered_reason})
    return appeal


def _points_may_change(appeal: Appeal) -> None:
    _open(appeal)
    for lock in POINT_LOCKS:
        reason = lock(appeal)
        if reason is not None:
            raise ValidationError(reason)


@transaction.atomic
def appeal_point_add(*, appeal: Appeal, actor, text: str) -> AppealPoint:
    """Record one more point the appeal raises; points are numbered 1, 2, … in the order recorded."""
    policy.require(actor, "appeals.process_appeal", appeal)
    appeal = Appeal.objects.select_for_update().get(pk=appeal.pk)
    _points_may_change(appeal)
    if not text.strip():
        raise ValidationError(_("Write the point."))
    last = appeal.points.order_by("-number").values_list("number", flat=True).first() or 0
    point = AppealPoint(appeal=appeal, number=last + 1, text=text.strip())
    point.full_clean()
    point.save()
    log(instance=appeal, action="appeals.point", user=actor, data={"number": point.number, "text": point.text})
    return point


@transaction.atomic
def appeal_point_edit(*, point: AppealPoint, actor, text: str) -> AppealPoint:
    """Correct the wording of a point while the appeal is open and its answer not yet approved."""
    policy.require(actor, "appeals.process_appeal", point.appeal)
    appeal = Appeal.objects.select_for_update().get(pk=point.appeal_id)
    _points_may_change(appeal)
    if not text.strip():
        raise ValidationError(_("Write the point."))
    point.text = text.strip()
    point.full_clean()
    point.save(update_fields=["text"])
    log(instance=appeal, action="appeals.point", user=actor, data={"number": point.number, "text": point.text})
    return point
