"""Every change of the awards register: kinds, nominations, the chairman's decision, the order that
confers approved agency awards, and the awards it confers when it is signed."""

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from governance.access import policy
from governance.awards.enums import AWARDS_SERIES, LIFECYCLE, AwardLevel, NominationStatus, NomineeKind
from governance.awards.models import Award, AwardKind, Nomination
from governance.bodies.enums import BodyKind, DecisionStatus
from governance.orders import services as order_services
from governance.orders.models import Series
from governance.staff.selectors import post_on

ORDER_TITLE = ("Сыйлоо жөнүндө", "О награждении")
ORDER_POINT = (
    "{name_ky} «{kind_ky}» менен сыйлансын. Негиз: {grounds_ky}.",
    "Наградить {name_ru}: «{kind_ru}». Основание: {grounds_ru}.",
)


@transaction.atomic
def award_kind_save(*, actor, kind: AwardKind) -> AwardKind:
    """Create or change a kind of award (HR keeps the list the agency configures)."""
    policy.require(actor, "awards.change_awardkind" if kind.pk else "awards.add_awardkind", kind if kind.pk else None)
    kind.full_clean()
    created = kind.pk is None
    kind.save()
    log(instance=kind, action="wagtail.create" if created else "wagtail.edit", user=actor)
    return kind


def _earlier_award(nomination: Nomination, day) -> Award | None:
    """The same award given to the same nominee within the kind's interval before ``day``."""
    years = nomination.kind.repeat_after_years
    if not nomination.kind.is_agency or not years:
        return None
    for award in Award.objects.same_for(nomination).select_related("kind", "order").order_by("-conferred_on"):
        if award.again_from() > day:
            return award
    return None


def _check_repeat(nomination: Nomination, day) -> None:
    award = _earlier_award(nomination, day)
    if award is not None:
        raise ValidationError(
            _(
                "%(name)s already received “%(kind)s” on %(date)s by order № %(number)s; "
                "the same award may be given again from %(again)s."
            )
            % {
                "name": nomination.recipient(),
                "kind": award.kind.name(),
                "date": f"{award.conferred_on:%d.%m.%Y}",
                "number": award.order.number_display,
                "again": f"{award.again_from():%d.%m.%Y}",
            },
            code="repeated",
        )


def _check_nominee(nomination: Nomination) -> None:
    if nomination.nominee_kind == NomineeKind.EMPLOYEE:
        if nomination.employee_id is None:
            raise ValidationError({"employee": ValidationError(_("Choose the employee."), code="no_employee")})
        nomination.name_ky = nomination.employee.full_name_ky
        nomination.name_ru = nomination.employee.full_name_ru
        if nomination.subdivision_id is None:  # where the employee works today, for the reports
            post = post_on(nomination.employee, timezone.localdate())
            nomination.subdivision = post.subdivision if post else None
    else:
        if nomination.employee_id is not None:
            raise ValidationError(
                {
                    "employee": ValidationError(
                        _("An outside person or organisation is not an employee."), code="employee"
                    )
                }
            )
        if not nomination.name_ky.strip() or not nomination.name_ru.strip():
            raise ValidationError(_("Write the name in Kyrgyz and in Russian."), code="no_name")


@transaction.atomic
def nomination_propose(
    *,
    actor,
    kind: AwardKind,
    grounds_ky: str,
    grounds_ru: str,
    nominee_kind: str = NomineeKind.EMPLOYEE,
    employee=None,
    name_ky: str = "",
    name_ru: str = "",
    subdivision=None,
    language: str = "ky",
) -> Nomination:
    """A head of subdivision or HR proposes someone for an award."""
    policy.require(actor, "awards.add_nomination")
    nomination = Nomination(
        kind=kind,
        nominee_kind=nominee_kind,
        employee=employee,
        name_ky=name_ky.strip(),
        name_ru=name_ru.strip(),
        subdivision=subdivision,
        language=language,
        grounds_ky=grounds_ky.strip(),
        grounds_ru=grounds_ru.strip(),
        proposed_by=actor,
    )
    if not kind.is_active:
        raise ValidationError({"kind": ValidationError(_("This award is no longer given."), code="inactive")})
    _check_nominee(nomination)
    if not nomination.grounds_ky or not nomination.grounds_ru:
        raise ValidationError(_("Write the grounds in Kyrgyz and in Russian."), code="no_grounds")
    if Nomination.objects.same_open(nomination).exists():
        raise ValidationError(_("This person is already nominated for this award."), code="duplicate")
    _check_repeat(nomination, timezone.localdate())
    nomination.full_clean()
    nomination.save()
    log(instance=nomination, action="wagtail.create", user=actor)
    return nomination


def _locked(nomination: Nomination) -> Nomination:
    return Nomination.objects.select_for_update(of=("self",)).select_related("kind").get(pk=nomination.pk)


@transaction.atomic
def nomination_record_collegium(*, actor, nomination: Nomination, decision) -> Nomination:
    """Name the collegium's registered decision on a nomination that the agency's rule sends there."""
    nomination = _locked(nomination)
    policy.require(actor, "awards.collegium", nomination)
    LIFECYCLE.check("collegium", nomination)
    if (
        decision is None
        or decision.status != DecisionStatus.REGISTERED
        or decision.item.meeting.body.kind != BodyKind.COLLEGIUM
    ):
        raise ValidationError(
            {"decision": ValidationError(_("Name a registered decision of the collegium."), code="decision")}
        )
    nomination.collegium_decision = decision
    nomination.save(update_fields=["collegium_decision"])
    log(instance=nomination, action=LIFECYCLE.log_action("collegium"), user=actor)
    return nomination


@transaction.atomic
def nomination_approve(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    """The chairman approves: an agency award waits for its order, a state award or honorary title
    goes to the Government as a submission."""
    nomination = _locked(nomination)
    policy.require(actor, "awards.approve", nomination)
    LIFECYCLE.check("approve", nomination)
    if nomination.kind.is_agency:
        _check_repeat(nomination, timezone.localdate())
        nomination.status = NominationStatus.APPROVED
    else:
        nomination.status = NominationStatus.SUBMITTED
    nomination.decided_by = actor
    nomination.decided_on = timezone.localdate()
    nomination.comment = comment
    nomination.save(update_fields=["status", "decided_by", "decided_on", "comment"])
    log(instance=nomination, action=LIFECYCLE.log_action("approve"), user=actor)
    return nomination


@transaction.atomic
def nomination_reject(*, actor, nomination: Nomination, comment: str = "") -> Nomination:
    nomination = _locked(nomination)
    policy.require(actor, "awards.reject", nomination)
    LIFECYCLE.check("reject", nomination)
    if not comment.strip():
        raise ValidationError({"comment": ValidationError(_("Say why the nomination is rejected."), code="no_comment")})
    nomination.status = NominationStatus.REJECTED
    nomination.decided_by = actor
    nomination.decided_on = timezone.localdate()
    nomination.comment = comment.strip()
    nomination.save(update_fields=["status", "decided_by", "decided_on", "comment"])
    log(instance=nomination, action=LIFECYCLE.log_action("reject"), user=actor)
    return nomination


def order_point(nomination: Nomination) -> tuple[str, str]:
    """The order's point for one nomination, in Kyrgyz and in Russian."""
    values = {
        "name_ky": nomination.name_ky,
        "name_ru": nomination.name_ru,
        "kind_ky": nomination.kind.name_ky,
        "kind_ru": nomination.kind.name_ru,
        "grounds_ky": nomination.grounds_ky.rstrip("."),
        "grounds_ru": nomination.grounds_ru.rstrip("."),
    }
    return ORDER_POINT[0].format(**values), ORDER_POINT[1].format(**values)


def awards_series() -> Series:
    series = Series.objects.filter(code=AWARDS_SERIES, is_active=True).first()
    if series is None:
        raise ValidationError(
            _("Create the series of orders with the code “%(code)s” first.") % {"code": AWARDS_SERIES},
            code="no_series",
        )
    return series


@transaction.atomic
def award_order_draft(*, actor, nominations: Sequence[Nomination], approvers: Sequence = ()):
    """Draft the order of the awards series that confers the approved ``nominations``, one point each."""
    policy.require(actor, "awards.draft_order")
    nominations = list(
        Nomination.objects.select_for_update(of=("self",))
        .filter(pk__in=[n.pk for n in nominations])
        .select_related("kind")
        .order_by("pk")
    )
    if not nominations:
        raise ValidationError(_("Choose the approved nominations the order carries."), code="empty")
    if any(n.status != NominationStatus.APPROVED or n.order_id is not None for n in nominations):
        raise ValidationError(_("Only approved nominations not yet in an order can be put in one."), code="status")
    if any(n.kind.level != AwardLevel.AGENCY for n in nominations):
        raise ValidationError(_("The Government confers state awards: they are never in an order."), code="state")
    order = order_services.order_create_draft(
        actor=actor,
        series=awards_series(),
        title_ky=ORDER_TITLE[0],
        title_ru=ORDER_TITLE[1],
        points=[order_point(n) for n in nominations],
        approvers=approvers,
    )
    Nomination.objects.filter(pk__in=[n.pk for n in nominations]).update(order=order)
    for nomination in nominations:
        log(instance=nomination, action="wagtail.edit", user=actor)
    return order


def order_signed(*, order, actor) -> None:
    """The order was signed (inside its transaction): confer the awards it carries. A refusal (the same
    award given meanwhile) refuses the signing."""
    nominations = (
        Nomination.objects.select_for_update(of=("self",)).filter(order=order).select_related("kind").order_by("pk")
    )
    for nomination in nominations:
        if order.series.code != AWARDS_SERIES:
            raise ValidationError(_("Awards are conferred by an order of the awards series."), code="series")
        LIFECYCLE.check("confer", nomination)
        _check_repeat(nomination, order.signed_on)
        Award.objects.create(
            nomination=nomination,
            kind=nomination.kind,
            nominee_kind=nomination.nominee_kind,
            employee_id=nomination.employee_id,
            name_ky=nomination.name_ky,
            name_ru=nomination.name_ru,
            subdivision_id=nomination.subdivision_id,
            language=nomination.language,
            order=order,
            conferred_on=order.signed_on,
        )
        nomination.status = NominationStatus.CONFERRED
        nomination.save(update_fields=["status"])
        log(instance=nomination, action=LIFECYCLE.log_action("confer"), user=actor)
