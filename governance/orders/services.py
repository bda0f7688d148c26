"""Every change of an order's state. Views, the admin and the API call only these.

Each service asks the policy first, checks the status table, validates, changes the order in one
transaction (the order's row locked), and writes Wagtail's log.
"""

import datetime
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from documents import notices, numbering, registration
from documents.instructions.services import instruction_create
from governance.access import policy
from governance.orders import selectors, signals
from governance.orders.enums import ACTING, LIFECYCLE, ApprovalDecision, Confidentiality, LinkKind, OrderStatus
from governance.orders.models import Order, OrderApproval, OrderAttachment, OrderLink, OrderPoint, Series


def _locked(order: Order) -> Order:
    return Order.objects.select_for_update().select_related("series").get(pk=order.pk)


def _check_status(action: str, order: Order) -> None:
    LIFECYCLE.check(action, order)


def _log(order: Order, action: str, actor, **data) -> None:
    log(instance=order, action=action, user=actor, data=data or None)


def _notify(order: Order, recipients, message, actor, **params) -> None:
    """Tell whoever the order now awaits (see documents.notices)."""
    notices.notify(
        recipients=recipients,
        message=message,
        params={"title": order, **params},
        url=reverse("wagtailsnippets_orders_order:inspect", args=(order.pk,)),
        actor=actor,
    )


def _notify_next(order: Order, actor) -> None:
    """After a submission or an approval: the next approver, or the signers once all approved."""
    approval = _current_approval(order)
    if approval is not None:
        _notify(order, [approval.approver], _("“%(title)s” awaits your approval."), actor)
    else:
        _notify(order, selectors.signers(timezone.localdate()), _("“%(title)s” awaits your signature."), actor)


def _save_draft(order: Order, actor, action: str) -> Order:
    order.full_clean()
    if any(not target.is_registered for target in order.amends.all()):
        raise ValidationError({"amends": _("Only a signed order can be amended.")})
    order.save()
    _log(order, action, actor)
    return order


@transaction.atomic
def order_create_draft(
    *,
    actor,
    series: Series,
    title_ky: str = "",
    title_ru: str = "",
    preamble_ky: str = "",
    preamble_ru: str = "",
    points: Sequence[tuple[str, str]] = (),
    approvers: Sequence = (),
    subdivision=None,
    confidentiality: str = "",
    effective_from: datetime.date | None = None,
    expires_on: datetime.date | None = None,
    amends: Sequence[Order] = (),
    attachments: Sequence[tuple[str, str, File]] = (),
) -> Order:
    """A new draft, written by ``actor``, with its points, its approval sheet and its annexes
    (``(title_ky, title_ru, file)``)."""
    policy.require(actor, "orders.add_order")
    order = Order(
        series=series,
        drafter=actor,
        title_ky=title_ky,
        title_ru=title_ru,
        preamble_ky=preamble_ky,
        preamble_ru=preamble_ru,
        subdivision=subdivision,
        confidentiality=confidentiality,
        effective_from=effective_from,
        expires_on=expires_on,
    )
    order.points = [OrderPoint(text_ky=ky, text_ru=ru, sort_order=i) for i, (ky, ru) in enumerate(points)]
    order.approvals = [OrderApproval(approver=approver, sort_order=i) for i, approver in enumerate(approvers)]
    order.amends = list(amends)
    order.attachments = [
        OrderAttachment(title_ky=ky, title_ru=ru, file=file, sort_order=i)
        for i, (ky, ru, file) in enumerate(attachments)
    ]
    return _save_draft(order, actor, "wagtail.create")


@transaction.atomic
def order_save_draft(*, order: Order, actor) -> Order:
    """Save a draft edited in memory (the admin's form), new or existing, with its child rows."""
    if order.pk is None:
        policy.require(actor, "orders.add_order")
        order.drafter = actor
        return _save_draft(order, actor, "wagtail.create")
    stored = _locked(order)
    policy.require(actor, "orders.change_order", stored)  # only a draft may change
    order.status = stored.status
    order.drafter_id = stored.drafter_id
    return _save_draft(order, actor, "wagtail.edit")


def _check_texts(order: Order, points: list[OrderPoint]) -> None:
    errors = {}
    if not (order.title_ky.strip() and order.title_ru.strip()):
        errors["title_ky"] = _("The title is needed in both Kyrgyz and Russian.")
    if bool(order.preamble_ky.strip()) != bool(order.preamble_ru.strip()):
        errors["preamble_ky"] = _("The preamble is needed in both Kyrgyz and Russian.")
    if not points or any(not (p.text_ky.strip() and p.text_ru.strip()) for p in points):
        errors["points"] = _("Every operative point is needed in both Kyrgyz and Russian.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def order_submit(*, order: Order, actor) -> Order:
    """Send the draft along its approval sheet; the sheet starts again from the first approver."""
    order = _locked(order)
    policy.require(actor, "orders.submit", order)
    _check_status("submit", order)
    approvals = list(order.approvals.all())
    if not approvals:
        raise ValidationError(_("Add at least one approver to the approval sheet."), code="no_approvers")
    points = list(order.points.all())
    if not points:
        raise ValidationError(_("Add at least one operative point."), code="no_points")
    if any(approval.approver_id == order.drafter_id for approval in approvals):
        raise ValidationError(
            _("The drafter cannot approve his own order: take yourself off the approval sheet."), code="own_approval"
        )
    _check_texts(order, points)  # complete in both languages before anyone approves it
    OrderApproval.objects.filter(order=order).update(decision=ApprovalDecision.PENDING, comment="", decided_at=None)
    order.status = OrderStatus.IN_APPROVAL
    order.save(update_fields=["status", "updated_at"])
    _log(order, "orders.submit", actor)
    _notify_next(order, actor)
    return order


def _current_approval(order: Order) -> OrderApproval:
    return order.approvals.filter(decision=ApprovalDecision.PENDING).order_by("sort_order", "pk").first()


@transaction.atomic
def order_approve(*, order: Order, actor, comment: str = "") -> Order:
    """The current approver approves; the last approval makes the order ready to sign."""
    order = _locked(order)
    policy.require(actor, "orders.approve", order)
    _check_status("approve", order)
    approval = _current_approval(order)
    approval.decision, approval.comment, approval.decided_at = ApprovalDecision.APPROVED, comment, timezone.now()
    approval.save(update_fields=["decision", "comment", "decided_at"])
    if _current_approval(order) is None:
        order.status = OrderStatus.APPROVED
        order.save(update_fields=["status", "updated_at"])
    _log(order, "orders.approve", actor, comment=comment)
    _notify_next(order, actor)
    return order


def _send_back(action: str, order: Order, actor, comment: str, *, why, notice) -> Order:
    """Back to the drafter as a draft, with the comment that says why (a rejection or a return)."""
    order = _locked(order)
    policy.require(actor, f"orders.{action}", order)
    _check_status(action, order)
    if not comment.strip():
        raise ValidationError({"comment": why})
    if action == "reject":
        approval = _current_approval(order)
        approval.decision, approval.comment, approval.decided_at = ApprovalDecision.REJECTED, comment, timezone.now()
        approval.save(update_fields=["decision", "comment", "decided_at"])
    order.status = OrderStatus.DRAFT
    order.save(update_fields=["status", "updated_at"])
    _log(order, f"orders.{action}", actor, comment=comment)
    _notify(order, [order.drafter], notice, actor, comment=comment)
    return order


@transaction.atomic
def order_reject(*, order: Order, actor, comment: str) -> Order:
    """The current approver sends the draft back to the drafter, saying why."""
    return _send_back(
        "reject",
        order,
        actor,
        comment,
        why=_("Say why the draft is rejected."),
        notice=_("“%(title)s” was rejected: %(comment)s"),
    )


@transaction.atomic
def order_return(*, order: Order, actor, comment: str) -> Order:
    """The signer or an approver sends a draft in approval, or an approved one, back to its drafter."""
    return _send_back(
        "return",
        order,
        actor,
        comment,
        why=_("Say what is to be revised."),
        notice=_("“%(title)s” was returned for revision: %(comment)s"),
    )


@registration.atomic_with_files
def order_sign(*, order: Order, actor) -> Order:
    """Sign today: validate, then register (the number last, in this transaction), freeze, store the .docx.

    The number is taken after every check, so the counter is locked only for building the .docx
    and saving (docs/numbering.md); a failure after that rolls back the number and the stored file.
    """
    policy.require(actor, "orders.sign", order)
    order = _locked(order)
    _check_status("sign", order)
    _check_texts(order, list(order.points.all()))
    if order.approvals.exclude(decision=ApprovalDecision.APPROVED).exists() or not order.approvals.exists():
        raise ValidationError(_("The approval sheet is not fully approved."), code="not_approved")
    today = timezone.localdate()
    series = order.series
    order.series_code, order.series_name_ky, order.series_name_ru = series.code, series.name_ky, series.name_ru
    order.year = today.year
    order.signed_on = today
    order.signed_by = actor
    order.signed_as_acting = not policy.has_role(actor, "chairman")
    order.effective_from = order.effective_from or today
    order.confidentiality = order.effective_confidentiality()
    order.status = OrderStatus.SIGNED
    order.full_clean()

    def take_number(order: Order) -> None:
        order.number = numbering.next_number(series.numbering_key, today.year)
        order.number_display = f"{order.number}{series.suffix}"

    registration.register(order, take_number=take_number, file_name=f"order-{order.pk}.docx")
    signals.order_signed.send(sender=Order, order=order, actor=actor)
    _log(order, "orders.sign", actor, number=order.number_display, acting=order.signed_as_acting)
    _notify(order, [order.drafter], _("“%(title)s” was signed."), actor)
    if order.confidentiality == Confidentiality.PUBLIC:
        _notify(order, selectors.publishers(), _("“%(title)s” is signed and awaits publication."), actor)
    return order


@transaction.atomic
def order_publish(*, order: Order, actor) -> Order:
    """Publish a signed public order in the registry and the open-data API."""
    order = _locked(order)
    policy.require(actor, "orders.publish", order)
    _check_status("publish", order)
    order.status = OrderStatus.PUBLISHED
    order.published_at = timezone.now()
    registration.save_lifecycle(order, "status", "published_at")
    _log(order, "orders.publish", actor)
    signals.order_public_changed.send(sender=Order, orders=[order])
    _notify(order, [order.drafter], _("“%(title)s” was published."), actor)
    return order


def _act_on(action: str, kind: str, *, order: Order, by_order: Order, reason_ky: str, reason_ru: str, actor) -> Order:
    # Both rows locked in one statement, in the order of their keys: two orders acting on each
    # other at the same moment queue instead of deadlocking.
    locked = {o.pk: o for o in Order.objects.select_for_update().filter(pk__in={order.pk, by_order.pk}).order_by("pk")}
    order, by_order = locked[order.pk], locked[by_order.pk]
    policy.require(actor, f"orders.{action}", order)
    _check_status(action, order)
    if by_order.pk == order.pk or by_order.status not in ACTING:
        raise ValidationError({"by_order": _("Name another signed order that does this.")})
    if not by_order.names(order):
        raise ValidationError(
            {
                "by_order": _(
                    "Order № %(by)s does not name order № %(order)s: it must list it among the orders it "
                    "refers to, or cite its number in its text."
                )
                % {"by": by_order.number_display, "order": order.number_display}
            }
        )
    reasons = {"reason_ky": reason_ky.strip(), "reason_ru": reason_ru.strip()}
    missing = {field: _("Give the reason in both Kyrgyz and Russian.") for field, text in reasons.items() if not text}
    if missing:
        raise ValidationError(missing)
    OrderLink.objects.create(source=by_order, target=order, kind=kind, **reasons)
    if action == "resume":
        order.status = OrderStatus.PUBLISHED if order.published_at else OrderStatus.SIGNED
    else:
        order.status = OrderStatus.SUSPENDED if action == "suspend" else OrderStatus.CANCELLED
    registration.save_lifecycle(order, "status")
    _log(order, f"orders.{action}", actor, by_order=by_order.number_display, **reasons)
    signals.order_public_changed.send(sender=Order, orders=[order, by_order])
    return order


@transaction.atomic
def order_suspend(*, order: Order, by_order: Order, reason_ky: str, reason_ru: str, actor) -> Order:
    """Suspend a signed order by another signed order that names it, with the reason in both languages."""
    return _act_on(
        "suspend",
        LinkKind.SUSPENDS,
        order=order,
        by_order=by_order,
        reason_ky=reason_ky,
        reason_ru=reason_ru,
        actor=actor,
    )


@transaction.atomic
def order_resume(*, order: Order, by_order: Order, reason_ky: str, reason_ru: str, actor) -> Order:
    """Resume a suspended order by another signed order that names it, with the reason in both languages."""
    return _act_on(
        "resume",
        LinkKind.RESUMES,
        order=order,
        by_order=by_order,
        reason_ky=reason_ky,
        reason_ru=reason_ru,
        actor=actor,
    )


@transaction.atomic
def order_cancel(*, order: Order, by_order: Order, reason_ky: str, reason_ru: str, actor) -> Order:
    """Cancel a signed order by another signed order that names it, with the reason in both languages."""
    return _act_on(
        "cancel",
        LinkKind.CANCELS,
        order=order,
        by_order=by_order,
        reason_ky=reason_ky,
        reason_ru=reason_ru,
        actor=actor,
    )


def order_verify(*, order: Order, actor) -> registration.Verification:
    """Re-check the keyed digests stored at signing: the text and the sheet, the file, the annexes,
    and the seal of the status and publication."""
    policy.require(actor, "orders.verify", order)
    if not order.is_registered:
        raise ValidationError(_("Only a signed order carries digests."), code="not_signed")
    result = registration.verify(order)
    _log(
        order,
        "orders.verify",
        actor,
        content_ok=result.content_ok,
        file_ok=result.file_ok,
        annexes_ok=result.files_ok,
        status_ok=result.state_ok,
    )
    return result


@transaction.atomic
def order_point_instruct(
    *,
    point: OrderPoint,
    actor,
    executor,
    co_executors: Sequence = (),
    controller,
    deadline: datetime.date | None = None,
    days: int | None = None,
    working_days: bool = True,
    text: str = "",
    subdivision=None,
):
    """Put a point of a signed order under control: an instruction whose subject is the point.

    Whoever may issue instructions (the policy's ``documents.add_instruction``) and may read the
    order does it; the text defaults to the point's, in the language the actor reads.
    """
    order = Order.objects.select_related("series").get(pk=point.order_id)
    policy.require(actor, "orders.view_order", order)
    if order.status not in ACTING:
        raise ValidationError(_("Only a point of a signed order is put under control."), code="not_signed")
    position = list(order.points.values_list("pk", flat=True)).index(point.pk) + 1
    return instruction_create(
        actor=actor,
        subject=point,
        title=_("Order № %(number)s of %(date)s, point %(point)s")
        % {"number": order.number_display, "date": order.signed_on.strftime("%d.%m.%Y"), "point": position},
        text=text or point.text(),
        executor=executor,
        co_executors=co_executors,
        controller=controller,
        deadline=deadline,
        days=days,
        working_days=working_days,
        subdivision=subdivision,
    )
