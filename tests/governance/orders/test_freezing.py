"""A signed order is frozen: by the model on both databases, and by triggers on PostgreSQL.

Each case tries to change or remove a registered order, one of its child rows or its links, the
way a careless script, an admin action or a hand-typed SQL statement would, and finds it refused
with nothing changed. What the model cannot see on SQLite (``QuerySet.update()``), ``verify``
reports.
"""

import datetime

import pgtrigger
import pytest
from django.core.files.base import ContentFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from governance.orders import services
from governance.orders.enums import Confidentiality, OrderStatus
from governance.orders.models import (
    FrozenOrderError,
    Order,
    OrderAmends,
    OrderApproval,
    OrderAttachment,
    OrderPoint,
)
from tests.governance.orders.factories import People, approved, draft, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def with_annex(order, content=b"%PDF-1.4 annex"):
    OrderAttachment.objects.create(
        order=order,
        title_ky="Тиркеме: эсеп",
        title_ru="Приложение: расчёт",
        file=ContentFile(content, name="annex.pdf"),
        sort_order=0,
    )
    return order


@pytest.fixture
def order(people):
    """A signed order with points, an approval sheet, an annex and an amends link."""
    earlier = signed(people)
    return services.order_sign(order=with_annex(approved(people, amends=[earlier])), actor=people.chairman)


def state(order):
    """Everything registered about ``order``, as stored now."""
    row = Order.objects.filter(pk=order.pk).values().get()
    return (
        row,
        list(OrderPoint.objects.filter(order=order).values()),
        list(OrderApproval.objects.filter(order=order).values()),
        list(OrderAttachment.objects.filter(order=order).values()),
        list(OrderAmends.objects.filter(from_order=order).values()),
    )


def sql(statement, *params):
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def _bulk_update_title(o):
    copy = Order.objects.get(pk=o.pk)
    copy.title_ky = "Башка аталыш"
    Order.objects.bulk_update([copy], ["title_ky"])


def _bulk_update_point(o):
    point = OrderPoint.objects.filter(order=o).first()
    point.text_ru = "Другой текст"
    OrderPoint.objects.bulk_update([point], ["text_ru"])


def _only_then_save(field, value):
    def attempt(o):
        copy = Order.objects.only("pk", field).get(pk=o.pk)
        setattr(copy, field, value)
        copy.save()

    return attempt


def _defer_then_save(field, value):
    def attempt(o):
        copy = Order.objects.defer("title_ky", "status", "number").get(pk=o.pk)
        setattr(copy, field, value)
        copy.save()

    return attempt


def _set(model_field, value):
    def attempt(o):
        copy = Order.objects.get(pk=o.pk)
        setattr(copy, model_field, value)
        copy.save()

    return attempt


def _child_save(model, field, value):
    def attempt(o):
        child = model.objects.filter(order=o).first()
        setattr(child, field, value)
        child.save()

    return attempt


# The paths the model guards: refused on both databases.
MODEL_CASES = [
    ("save title", _set("title_ky", "Башка аталыш")),
    ("save number", _set("number", 99)),
    ("save date", _set("signed_on", datetime.date(2020, 1, 1))),
    ("save signer", _set("signed_by", None)),
    ("save confidentiality", _set("confidentiality", Confidentiality.INTERNAL)),
    ("save status", _set("status", OrderStatus.CANCELLED)),
    ("save publication", _set("published_at", timezone.now())),
    ("only() then save title", _only_then_save("title_ky", "Башка аталыш")),
    ("only() then save number", _only_then_save("number", 99)),
    ("only() then save status", _only_then_save("status", OrderStatus.PUBLISHED)),
    ("defer() then save title", _defer_then_save("title_ky", "Башка аталыш")),
    ("defer() then save status", _defer_then_save("status", OrderStatus.CANCELLED)),
    ("delete the order", lambda o: Order.objects.get(pk=o.pk).delete()),
    ("save a point", _child_save(OrderPoint, "text_ky", "Башка текст")),
    ("delete a point", lambda o: OrderPoint.objects.filter(order=o).first().delete()),
    ("add a point", lambda o: OrderPoint.objects.create(order=o, text_ky="Жаңы", text_ru="Новый")),
    ("save an approval", _child_save(OrderApproval, "decision", "rejected")),
    ("delete an approval", lambda o: OrderApproval.objects.filter(order=o).first().delete()),
    ("save an attachment", _child_save(OrderAttachment, "title_ru", "Другое приложение")),
    ("delete an attachment", lambda o: OrderAttachment.objects.filter(order=o).first().delete()),
]


@pytest.mark.parametrize("attempt", [case[1] for case in MODEL_CASES], ids=[case[0] for case in MODEL_CASES])
def test_the_model_refuses_to_change_a_signed_order(order, attempt):
    before = state(order)

    with pytest.raises(FrozenOrderError), transaction.atomic():
        attempt(order)

    assert state(order) == before


# What only the database can refuse: PostgreSQL's triggers.
DATABASE_CASES = [
    ("update() title", lambda o: Order.objects.filter(pk=o.pk).update(title_ky="Башка аталыш")),
    ("update() number", lambda o: Order.objects.filter(pk=o.pk).update(number=99, number_display="99")),
    ("update() date", lambda o: Order.objects.filter(pk=o.pk).update(signed_on=datetime.date(2020, 1, 1))),
    ("update() signer", lambda o: Order.objects.filter(pk=o.pk).update(signed_by=None)),
    (
        "update() confidentiality",
        lambda o: Order.objects.filter(pk=o.pk).update(confidentiality=Confidentiality.PERSONNEL),
    ),
    ("update() status", lambda o: Order.objects.filter(pk=o.pk).update(status=OrderStatus.CANCELLED)),
    (
        "update() publication",
        lambda o: Order.objects.filter(pk=o.pk).update(status=OrderStatus.PUBLISHED, published_at=timezone.now()),
    ),
    ("update() a status off the table", lambda o: Order.objects.filter(pk=o.pk).update(status=OrderStatus.DRAFT)),
    ("bulk_update title", _bulk_update_title),
    ("update() a point", lambda o: OrderPoint.objects.filter(order=o).update(text_ky="Башка")),
    ("bulk_update a point", _bulk_update_point),
    ("bulk_create a point", lambda o: OrderPoint.objects.bulk_create([OrderPoint(order=o, text_ky="Жаңы")])),
    ("update() the approval sheet", lambda o: OrderApproval.objects.filter(order=o).update(decision="rejected")),
    ("update() an attachment", lambda o: OrderAttachment.objects.filter(order=o).update(file="orders/other.pdf")),
    ("update() the amends", lambda o: OrderAmends.objects.filter(from_order=o).update(to_order=o)),
    ("delete() the amends", lambda o: OrderAmends.objects.filter(from_order=o).delete()),
    ("queryset delete()", lambda o: Order.objects.filter(pk=o.pk).delete()),
    ("delete() the points", lambda o: OrderPoint.objects.filter(order=o).delete()),
    ("delete() the approval sheet", lambda o: OrderApproval.objects.filter(order=o).delete()),
    ("delete() the attachments", lambda o: OrderAttachment.objects.filter(order=o).delete()),
    ("raw SQL title", lambda o: sql("UPDATE orders_order SET title_ru = 'Подмена' WHERE id = %s", o.pk)),
    (
        "raw SQL publication",
        lambda o: sql("UPDATE orders_order SET status = 'published', published_at = now() WHERE id = %s", o.pk),
    ),
    ("raw SQL point", lambda o: sql("UPDATE orders_orderpoint SET text_ru = 'Подмена' WHERE order_id = %s", o.pk)),
    ("raw SQL delete", lambda o: sql("DELETE FROM orders_order WHERE id = %s", o.pk)),
]


@pytest.mark.postgresql
@pytest.mark.parametrize("attempt", [case[1] for case in DATABASE_CASES], ids=[case[0] for case in DATABASE_CASES])
def test_the_database_refuses_to_change_a_signed_order(order, attempt):
    before = state(order)

    with pytest.raises(DatabaseError), transaction.atomic():
        attempt(order)

    assert state(order) == before


@pytest.mark.postgresql
def test_the_database_lets_a_draft_change_freely(people):
    order = with_annex(draft(people))

    Order.objects.filter(pk=order.pk).update(title_ky="Жаңы аталыш", number=5)
    OrderPoint.objects.filter(order=order).update(text_ru="Новый текст")
    OrderApproval.objects.filter(order=order).update(comment="Эскертүү")
    OrderAttachment.objects.filter(order=order).update(title_ru="Новое приложение")
    sql("UPDATE orders_order SET preamble_ru = 'Новая преамбула' WHERE id = %s", order.pk)

    changed = Order.objects.get(pk=order.pk)
    assert (changed.title_ky, changed.preamble_ru) == ("Жаңы аталыш", "Новая преамбула")
    assert set(changed.points.values_list("text_ru", flat=True)) == {"Новый текст"}
    Order.objects.filter(pk=order.pk).delete()
    assert not Order.objects.filter(pk=order.pk).exists()


def test_a_draft_saves_and_goes_through_the_model(people):
    order = draft(people)
    copy = Order.objects.only("pk", "title_ky").get(pk=order.pk)
    copy.title_ky = "Жаңы аталыш"
    copy.save()
    point = order.points.first()
    point.text_ky = "Жаңы пункт"
    point.save()

    assert Order.objects.get(pk=order.pk).title_ky == "Жаңы аталыш"
    order.delete()
    assert not OrderPoint.objects.filter(pk=point.pk).exists()


def test_the_services_still_publish_suspend_resume_and_cancel_a_signed_order(people):
    order = services.order_publish(order=signed(people), actor=people.records)
    order = services.order_suspend(
        order=order,
        by_order=signed(people, amends=[order]),
        reason_ky="Текшерүү.",
        reason_ru="Текшерүү.",
        actor=people.chairman,
    )
    order = services.order_resume(
        order=order,
        by_order=signed(people, amends=[order]),
        reason_ky="Бүттү.",
        reason_ru="Бүттү.",
        actor=people.chairman,
    )
    order = services.order_cancel(
        order=order,
        by_order=signed(people, amends=[order]),
        reason_ky="Күчүн жоготту.",
        reason_ru="Күчүн жоготту.",
        actor=people.chairman,
    )

    stored = Order.objects.get(pk=order.pk)
    assert (stored.status, stored.published_at is not None) == (OrderStatus.CANCELLED, True)
    assert services.order_verify(order=stored, actor=people.chairman).ok


# Behind every guard (a database administrator turning the triggers off): verify tells.


def behind_the_triggers():
    return pgtrigger.ignore()


TAMPERING = [
    ("title", lambda o: Order.objects.filter(pk=o.pk).update(title_ru="Подмена"), "content_ok"),
    ("signer", lambda o: Order.objects.filter(pk=o.pk).update(signed_as_acting=True), "content_ok"),
    (
        "confidentiality",
        lambda o: Order.objects.filter(pk=o.pk).update(confidentiality=Confidentiality.PUBLIC),
        "content_ok",
    ),
    ("a point", lambda o: OrderPoint.objects.filter(order=o).update(text_ky="Подмена"), "content_ok"),
    ("the approval sheet", lambda o: OrderApproval.objects.filter(order=o).update(comment="Кийин"), "content_ok"),
    ("the amends", lambda o: OrderAmends.objects.filter(from_order=o).delete(), "content_ok"),
    ("an annex's title", lambda o: OrderAttachment.objects.filter(order=o).update(title_ky="Подмена"), "content_ok"),
    (
        "an annex's recorded digest",
        lambda o: OrderAttachment.objects.filter(order=o).update(sha256="0" * 64),
        "content_ok",
    ),
    (
        "published behind the services",
        lambda o: Order.objects.filter(pk=o.pk).update(status=OrderStatus.PUBLISHED, published_at=timezone.now()),
        "state_ok",
    ),
    ("suspended behind the services", lambda o: Order.objects.filter(pk=o.pk).update(status="suspended"), "state_ok"),
]


@pytest.mark.parametrize(("tamper", "found_by"), [case[1:] for case in TAMPERING], ids=[case[0] for case in TAMPERING])
def test_verify_reports_what_was_changed_behind_every_guard(people, tamper, found_by):
    earlier = signed(people)
    order = services.order_sign(
        order=with_annex(approved(people, amends=[earlier], confidentiality=Confidentiality.INTERNAL)),
        actor=people.chairman,
    )
    assert services.order_verify(order=order, actor=people.chairman).ok

    with behind_the_triggers():
        tamper(order)

    result = services.order_verify(order=Order.objects.get(pk=order.pk), actor=people.chairman)
    assert not getattr(result, found_by)
    assert not result.ok
