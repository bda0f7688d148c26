import datetime

import pgtrigger
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import override
from wagtail.log_actions import registry as log_registry

from documents import numbering
from governance.access import policy
from governance.orders import services
from governance.orders.enums import ApprovalDecision, Confidentiality, OrderStatus
from governance.orders.models import FrozenOrderError, Order, OrderLink
from tests.governance.orders.factories import (
    People,
    SeriesFactory,
    approved,
    delegation,
    draft,
    personnel_series,
    published,
    signed,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def actions(order):
    return list(log_registry.get_logs_for_instance(order).order_by("pk").values_list("action", flat=True))


# Transitions


def test_a_draft_keeps_both_texts_points_and_the_approval_sheet(people):
    order = draft(people)

    assert order.status == OrderStatus.DRAFT
    assert order.drafter == people.drafter
    assert next(p.text_ru for p in order.points.all()).startswith("Открыть телефон доверия")
    assert [a.approver for a in order.approvals.all()] == [people.lawyer, people.secretary]
    assert actions(order) == ["wagtail.create"]


def test_submit_then_approvals_in_order_make_the_order_ready_to_sign(people):
    order = services.order_submit(order=draft(people), actor=people.drafter)
    assert order.status == OrderStatus.IN_APPROVAL

    order = services.order_approve(order=order, actor=people.lawyer, comment="Каршылык жок.")
    assert order.status == OrderStatus.IN_APPROVAL
    order = services.order_approve(order=order, actor=people.secretary)

    assert order.status == OrderStatus.APPROVED
    assert [a.decision for a in order.approvals.all()] == [ApprovalDecision.APPROVED] * 2
    assert actions(order) == ["wagtail.create", "orders.submit", "orders.approve", "orders.approve"]


def test_a_rejection_sends_the_draft_back_with_the_comment_and_a_new_submission_starts_over(people):
    order = services.order_submit(order=draft(people), actor=people.drafter)
    order = services.order_approve(order=order, actor=people.lawyer)

    order = services.order_reject(order=order, actor=people.secretary, comment="2-пунктту тактоо керек.")

    assert order.status == OrderStatus.DRAFT
    rejected = order.approvals.get(approver=people.secretary)
    assert (rejected.decision, rejected.comment) == (ApprovalDecision.REJECTED, "2-пунктту тактоо керек.")
    order = services.order_submit(order=order, actor=people.drafter)
    assert {a.decision for a in order.approvals.all()} == {ApprovalDecision.PENDING}
    assert "orders.reject" in actions(order)


def test_signing_registers_the_next_number_of_the_series_and_freezes_the_text(people):
    first = signed(people)
    second = signed(people)
    personnel = signed(people, series=personnel_series())

    assert (first.number, second.number, personnel.number_display) == (1, 2, "1-к")
    today = timezone.localdate()
    assert (second.status, second.signed_on, second.year, second.effective_from) == (
        OrderStatus.SIGNED,
        today,
        today.year,
        today,
    )
    assert second.signed_by == people.chairman and not second.signed_as_acting
    assert personnel.confidentiality == Confidentiality.PERSONNEL
    assert len(second.content_sha256) == len(second.file_sha256) == 64
    assert second.document.name.endswith(".docx")
    assert "orders.sign" in actions(second)


def test_a_deputy_signs_while_a_delegation_covers_the_day(people):
    delegation(people)

    order = services.order_sign(order=approved(people), actor=people.deputy)

    assert order.status == OrderStatus.SIGNED
    assert order.signed_as_acting


def test_publish_suspend_resume_and_cancel_by_other_signed_orders(people):
    order = published(people)
    assert order.status == OrderStatus.PUBLISHED and order.published_at
    suspending, resuming, cancelling = (signed(people, amends=[order]) for _ in range(3))

    order = services.order_suspend(
        order=order,
        by_order=suspending,
        reason_ky="Текшерүү жүрүп жатат.",
        reason_ru="Текшерүү жүрүп жатат.",
        actor=people.chairman,
    )
    assert order.status == OrderStatus.SUSPENDED
    order = services.order_resume(
        order=order, by_order=resuming, reason_ky="Текшерүү бүттү.", reason_ru="Текшерүү бүттү.", actor=people.chairman
    )
    assert order.status == OrderStatus.PUBLISHED
    order = services.order_cancel(
        order=order,
        by_order=cancelling,
        reason_ky="Мыйзамга туура келбейт.",
        reason_ru="Мыйзамга туура келбейт.",
        actor=people.chairman,
    )

    assert order.status == OrderStatus.CANCELLED
    assert [(link.kind, link.source) for link in order.actions_received.all()] == [
        ("suspends", suspending),
        ("resumes", resuming),
        ("cancels", cancelling),
    ]
    assert cancelling.actions_taken.get().target == order
    assert actions(order)[-3:] == ["orders.suspend", "orders.resume", "orders.cancel"]


def test_an_amending_order_links_to_the_order_it_amends_both_ways(people):
    original = signed(people)

    amendment = draft(people, amends=[original])

    assert list(amendment.amends.all()) == [original]
    assert list(original.amended_by.all()) == [amendment]


def test_orders_in_force_on_a_chosen_date(people):
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    in_force = signed(people)
    later = signed(people, effective_from=today + 10 * day)
    expired = signed(people, effective_from=today - 10 * day, expires_on=today - day)
    cancelled = signed(people)
    services.order_cancel(
        order=cancelled,
        by_order=signed(people, amends=[cancelled]),
        reason_ky="Күчүн жоготту.",
        reason_ru="Күчүн жоготту.",
        actor=people.chairman,
    )
    suspended = signed(people)
    services.order_suspend(
        order=suspended,
        by_order=signed(people, amends=[suspended]),
        reason_ky="Текшерүү.",
        reason_ru="Текшерүү.",
        actor=people.chairman,
    )
    with pgtrigger.ignore():  # the acting orders take effect today, whatever their own dates
        Order.objects.filter(pk__in=OrderLink.objects.values("source")).update(effective_from=today)

    found = set(Order.objects.in_force_on(today))

    assert in_force in found
    assert not {later, expired, cancelled, suspended} & found
    assert expired in set(Order.objects.in_force_on(today - 2 * day))


# Refusals: each leaves the order and the counters as they were.


def _sign_by(who):
    return lambda people, order: services.order_sign(order=order, actor=getattr(people, who))


def _submit(p, order):
    return services.order_submit(order=order, actor=p.drafter)


REFUSALS = [
    # name, how the order is prepared, the refused call, the error
    ("outsider submits", draft, lambda p, o: services.order_submit(order=o, actor=p.outsider), PermissionDenied),
    (
        "submit with no approver",
        lambda p: draft(p, approvers=[]),
        lambda p, o: services.order_submit(order=o, actor=p.drafter),
        ValidationError,
    ),
    ("submit a signed order", signed, lambda p, o: services.order_submit(order=o, actor=p.drafter), ValidationError),
    (
        "second approver before the first",
        lambda p: services.order_submit(order=draft(p), actor=p.drafter),
        lambda p, o: services.order_approve(order=o, actor=p.secretary),
        PermissionDenied,
    ),
    ("approve a draft", draft, lambda p, o: services.order_approve(order=o, actor=p.lawyer), ValidationError),
    (
        "reject without a comment",
        lambda p: services.order_submit(order=draft(p), actor=p.drafter),
        lambda p, o: services.order_reject(order=o, actor=p.lawyer, comment=" "),
        ValidationError,
    ),
    ("the state secretary signs", approved, _sign_by("secretary"), PermissionDenied),
    ("the drafter signs", approved, _sign_by("drafter"), PermissionDenied),
    ("a deputy signs without a delegation", approved, _sign_by("deputy"), PermissionDenied),
    (
        "a deputy signs after the delegation ended",
        lambda p: (delegation(p, days_before=10, days_after=-1), approved(p))[1],
        _sign_by("deputy"),
        PermissionDenied,
    ),
    ("sign a draft", draft, _sign_by("chairman"), ValidationError),
    (
        "sign while in approval",
        lambda p: services.order_submit(order=draft(p), actor=p.drafter),
        _sign_by("chairman"),
        ValidationError,
    ),
    # Found at submission now, before anyone approves (the signature checks again).
    ("submit without the Russian title", lambda p: draft(p, title_ru=""), _submit, ValidationError),
    (
        "submit with a point only in Kyrgyz",
        lambda p: draft(p, points=[("Бир гана кыргызча.", "")]),
        _submit,
        ValidationError,
    ),
    ("submit with the preamble only in Russian", lambda p: draft(p, preamble_ky=""), _submit, ValidationError),
    ("sign twice", signed, _sign_by("chairman"), ValidationError),
    ("the drafter publishes", signed, lambda p, o: services.order_publish(order=o, actor=p.drafter), PermissionDenied),
    (
        "publish an internal order",
        lambda p: signed(p, confidentiality=Confidentiality.INTERNAL),
        lambda p, o: services.order_publish(order=o, actor=p.records),
        ValidationError,
    ),
    (
        "publish a personnel order",
        lambda p: signed(p, series=personnel_series()),
        lambda p, o: services.order_publish(order=o, actor=p.chairman),
        ValidationError,
    ),
    (
        "publish an unsigned order",
        approved,
        lambda p, o: services.order_publish(order=o, actor=p.records),
        ValidationError,
    ),
    (
        "the state secretary suspends",
        signed,
        lambda p, o: services.order_suspend(
            order=o, by_order=p.acting, reason_ky="x", reason_ru="x", actor=p.secretary
        ),
        PermissionDenied,
    ),
    (
        "suspend by an unsigned order",
        signed,
        lambda p, o: services.order_suspend(
            order=o, by_order=p.unsigned, reason_ky="x", reason_ru="x", actor=p.chairman
        ),
        ValidationError,
    ),
    (
        "suspend by itself",
        signed,
        lambda p, o: services.order_suspend(order=o, by_order=o, reason_ky="x", reason_ru="x", actor=p.chairman),
        ValidationError,
    ),
    (
        "suspend without a reason",
        signed,
        lambda p, o: services.order_suspend(order=o, by_order=p.acting, reason_ky="", reason_ru="", actor=p.chairman),
        ValidationError,
    ),
    (
        "suspend with the reason in Kyrgyz only",
        signed,
        lambda p, o: services.order_suspend(order=o, by_order=p.acting, reason_ky="x", reason_ru=" ", actor=p.chairman),
        ValidationError,
    ),
    (
        "cancel by a signed order that does not name it",
        signed,
        lambda p, o: services.order_cancel(
            order=o, by_order=p.stranger, reason_ky="x", reason_ru="x", actor=p.chairman
        ),
        ValidationError,
    ),
    (
        "resume an order in force",
        signed,
        lambda p, o: services.order_resume(order=o, by_order=p.acting, reason_ky="x", reason_ru="x", actor=p.chairman),
        ValidationError,
    ),
    (
        "cancel a draft",
        draft,
        lambda p, o: services.order_cancel(order=o, by_order=p.acting, reason_ky="x", reason_ru="x", actor=p.chairman),
        ValidationError,
    ),
    (
        "cancel a cancelled order",
        lambda p: acted_on(p, services.order_cancel),
        lambda p, o: services.order_cancel(order=o, by_order=p.acting, reason_ky="x", reason_ru="x", actor=p.chairman),
        ValidationError,
    ),
    (
        "an outsider approves",
        lambda p: services.order_submit(order=draft(p), actor=p.drafter),
        lambda p, o: services.order_approve(order=o, actor=p.outsider),
        PermissionDenied,
    ),
    (
        "the next approver rejects out of turn",
        lambda p: services.order_submit(order=draft(p), actor=p.drafter),
        lambda p, o: services.order_reject(order=o, actor=p.secretary, comment="Каршымын."),
        PermissionDenied,
    ),
    (
        "the records officer resumes",
        lambda p: acted_on(p, services.order_suspend),
        lambda p, o: services.order_resume(order=o, by_order=p.acting, reason_ky="x", reason_ru="x", actor=p.records),
        PermissionDenied,
    ),
    (
        "the drafter cancels",
        signed,
        lambda p, o: services.order_cancel(order=o, by_order=p.acting, reason_ky="x", reason_ru="x", actor=p.drafter),
        PermissionDenied,
    ),
    ("an outsider verifies", signed, lambda p, o: services.order_verify(order=o, actor=p.outsider), PermissionDenied),
    ("verify a draft", draft, lambda p, o: services.order_verify(order=o, actor=p.chairman), ValidationError),
    (
        "edit a signed order",
        signed,
        lambda p, o: services.order_save_draft(order=o, actor=p.drafter),
        PermissionDenied,
    ),
    (
        "an outsider drafts",
        lambda p: None,
        lambda p, o: services.order_create_draft(actor=p.outsider, series=SeriesFactory(), title_ky="x"),
        PermissionDenied,
    ),
    (
        "a draft without any title",
        lambda p: None,
        lambda p, o: services.order_create_draft(actor=p.drafter, series=SeriesFactory()),
        ValidationError,
    ),
]


def acted_on(people, service):
    """A signed order already suspended or cancelled by an order that names it."""
    order = signed(people)
    return service(
        order=order, by_order=signed(people, amends=[order]), reason_ky="x", reason_ru="x", actor=people.chairman
    )


def snapshot():
    return (
        list(Order.objects.order_by("pk").values_list("pk", "status", "number", "updated_at")),
        log_registry.get_log_model_for_model(Order).objects.count(),
        OrderLink.objects.count(),
        numbering.last_number("orders:main", timezone.localdate().year),
    )


@pytest.mark.parametrize(("prepare", "call", "error"), [case[1:] for case in REFUSALS], ids=[c[0] for c in REFUSALS])
def test_refused_transitions_change_nothing(people, prepare, call, error):
    order = prepare(people)
    # The orders a refused call may name: they name ``order`` (where it can be named), but one.
    named = [order] if order is not None and order.is_registered else []
    people.acting, people.unsigned = signed(people, amends=named), approved(people, amends=named)
    people.stranger = signed(people)
    before = snapshot()

    with pytest.raises(error):
        call(people, order)

    assert snapshot() == before


def test_a_refusal_speaks_the_users_language(people):
    with override("ru"):
        with pytest.raises(PermissionDenied) as refused:
            services.order_sign(order=approved(people), actor=people.secretary)
        assert str(refused.value) == "У вас нет права на это действие."
    with override("ky"):
        with pytest.raises(ValidationError) as invalid:
            services.order_submit(order=draft(people, title_ru=""), actor=people.drafter)
        assert "кыргызча да, орусча да" in " ".join(invalid.value.messages)


@pytest.mark.parametrize(
    "gap",
    [
        {"title_ru": ""},
        {"preamble_ru": ""},
        {"points": [("Биринчи пункт.", "")]},
        {"points": [("", "Первый пункт.")]},
    ],
)
def test_a_draft_incomplete_in_either_language_is_refused_at_submission(people, gap):
    """Found when the chairman pressed Sign, after both approvals: now at submission."""
    order = draft(people, **gap)

    with pytest.raises(ValidationError) as invalid:
        services.order_submit(order=order, actor=people.drafter)

    assert "кыргызча да, орусча да" in " ".join(invalid.value.messages)
    order.refresh_from_db()
    assert order.status == OrderStatus.DRAFT


@pytest.mark.parametrize("status", ["in_approval", "approved"])
@pytest.mark.parametrize("who", ["chairman", "secretary"])
def test_the_signer_or_an_approver_returns_a_draft_for_revision(people, status, who):
    order = (
        approved(people) if status == "approved" else services.order_submit(order=draft(people), actor=people.drafter)
    )

    with pytest.raises(ValidationError):
        services.order_return(order=order, actor=getattr(people, who), comment=" ")
    returned = services.order_return(order=order, actor=getattr(people, who), comment="Орусча текстти тактаңыз.")

    assert returned.status == OrderStatus.DRAFT
    assert policy.can(people.drafter, "orders.change_order", returned)  # the drafter may edit it again
    entry = log_registry.get_logs_for_instance(returned).get(action="orders.return")
    assert entry.data == {"comment": "Орусча текстти тактаңыз."}


@pytest.mark.parametrize("who", ["drafter", "records", "outsider", "deputy"])
def test_whoever_neither_signs_nor_approves_cannot_return_a_draft(people, who):
    order = approved(people)

    with pytest.raises(PermissionDenied):
        services.order_return(order=order, actor=getattr(people, who), comment="Кайра иштеңиз.")
    order.refresh_from_db()
    assert order.status == OrderStatus.APPROVED
    with pytest.raises(ValidationError):
        services.order_return(order=signed(people), actor=people.chairman, comment="Кеч.")


# Frozen text


def test_a_signed_orders_text_and_number_cannot_change(people):
    order = signed(people)

    for field, value in [("title_ky", "Башка аталыш"), ("number", 99), ("signed_on", datetime.date(2020, 1, 1))]:
        changed = Order.objects.get(pk=order.pk)
        setattr(changed, field, value)
        with pytest.raises(FrozenOrderError):
            changed.save()
    point = order.points.first()
    point.text_ru = "Другой текст"
    with pytest.raises(FrozenOrderError):
        point.save()
    with pytest.raises(FrozenOrderError):
        point.delete()
    assert Order.objects.get(pk=order.pk).title_ky == order.title_ky


def test_verification_rechecks_both_digests(people):
    order = signed(people)

    assert services.order_verify(order=order, actor=people.chairman).ok

    with pgtrigger.ignore():  # behind the model's back and the database's triggers
        Order.objects.filter(pk=order.pk).update(title_ru="Подменённый заголовок")
    tampered = Order.objects.get(pk=order.pk)
    result = services.order_verify(order=tampered, actor=people.chairman)
    assert (result.content_ok, result.file_ok) == (False, True)

    storage, name = tampered.document.storage, tampered.document.name
    storage.delete(name)
    storage.save(name, ContentFile(b"not the signed file"))
    assert not services.order_verify(order=Order.objects.get(pk=order.pk), actor=people.chairman).file_ok


# A drafter never approves his own order.


def test_a_drafter_on_his_own_approval_sheet_cannot_submit(people):
    order = draft(people, approvers=[people.drafter, people.secretary])

    with pytest.raises(ValidationError) as refused:
        services.order_submit(order=order, actor=people.drafter)

    assert refused.value.code == "own_approval"
    assert Order.objects.get(pk=order.pk).status == OrderStatus.DRAFT


def test_a_drafter_put_on_the_sheet_after_submission_cannot_approve(people):
    order = services.order_submit(order=draft(people, approvers=[people.lawyer]), actor=people.drafter)
    order.approvals.update(approver=people.drafter)  # the sheet changed behind the services

    with pytest.raises(PermissionDenied):
        services.order_approve(order=order, actor=people.drafter)
    with pytest.raises(PermissionDenied):
        services.order_reject(order=order, actor=people.drafter, comment="Өзүм.")

    assert Order.objects.get(pk=order.pk).status == OrderStatus.IN_APPROVAL
    assert order.approvals.get().decision == ApprovalDecision.PENDING
