import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.orders import services
from governance.orders.enums import OrderStatus
from governance.orders.models import Order
from tests.governance.orders.factories import People, SeriesFactory, approved, draft, personnel_series, signed

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/orders/order/"


@pytest.fixture
def people(roles):
    return People()


def inspect(order):
    return f"{LIST}inspect/{order.pk}/"


def text(response) -> str:
    """The page's text, its tags dropped."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", response.content.decode()))


def transition(order, action):
    return f"{LIST}transition/{order.pk}/{action}/"


CONFIRMED = {"confirmed": "yes"}  # the answer to the confirmation page of an irreversible action


def test_the_list_filters_by_series_year_status_and_subdivision(client, people):
    signed_order = signed(people)
    draft_order = draft(people, title_ky="Долбоор гана", title_ru="Только проект")
    client.force_login(people.secretary)

    page = client.get(LIST, {"status": "signed", "year": signed_order.year, "series": signed_order.series_id})

    assert page.status_code == 200
    content = page.content.decode()
    assert signed_order.title_ky in content
    assert draft_order.title_ky not in content


def test_personnel_orders_stay_out_of_a_readers_list_who_takes_no_part_in_them(client, people):
    personnel = draft(people, series=personnel_series(), title_ky="Кызматкерди дайындоо жөнүндө", approvers=[people.hr])
    public = draft(people, title_ky="Ачык буйрук")
    client.force_login(people.records)

    content = client.get(LIST).content.decode()

    assert public.title_ky in content
    assert personnel.title_ky not in content
    assert client.get(inspect(personnel)).status_code in (302, 403)
    client.force_login(people.hr)
    assert personnel.title_ky in client.get(LIST).content.decode()


def _list_queries(client, count, people):
    series = SeriesFactory()
    existing = Order.objects.count()
    Order.objects.bulk_create(
        Order(series=series, drafter=people.drafter, title_ky=f"Буйрук {n}", title_ru=f"Приказ {n}")
        for n in range(existing, count)
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(LIST)
    assert response.status_code == 200
    rows = set(re.findall(r"/admin/snippets/orders/order/(?:edit|inspect)/(\d+)/", response.content.decode()))
    assert len(rows) == min(count, 50)  # a full page of 50 rows
    return len(queries)


def test_the_admin_list_runs_the_same_number_of_queries_for_10_and_200_orders(client, people):
    """10 rows against a full page of 50 out of 200: no query per row."""
    client.force_login(people.secretary)
    _list_queries(client, 1, people)  # warm the caches of the first request

    assert _list_queries(client, 10, people) == _list_queries(client, 200, people)


TRANSITION_BUTTONS = [
    # who looks, at which order, which buttons
    ("drafter", "draft", ["submit"]),
    ("chairman", "draft", []),
    ("lawyer", "in_approval", ["approve", "reject"]),
    ("secretary", "in_approval", []),
    ("chairman", "approved", ["sign"]),
    ("secretary", "approved", []),
    ("records", "signed", ["publish"]),
    ("chairman", "signed", ["publish", "suspend", "cancel"]),
    ("drafter", "signed", []),
]


def _order_in(status, people):
    from governance.orders import services

    if status == "draft":
        return draft(people)
    if status == "in_approval":
        return services.order_submit(order=draft(people), actor=people.drafter)
    return approved(people) if status == "approved" else signed(people)


@pytest.mark.parametrize(("who", "status", "buttons"), TRANSITION_BUTTONS)
def test_the_inspect_page_offers_exactly_the_transitions_the_user_may_take(client, people, who, status, buttons):
    order = _order_in(status, people)
    client.force_login(getattr(people, who))

    content = client.get(inspect(order)).content.decode()

    shown = [
        action
        for action in ("submit", "approve", "reject", "sign", "publish", "suspend", "resume", "cancel")
        if f'data-action="{action}"' in content
    ]
    assert shown == buttons


RETURN_BUTTON = [
    ("chairman", "approved", True),
    ("secretary", "approved", True),  # an approver, after approving
    ("lawyer", "in_approval", True),
    ("drafter", "in_approval", False),
    ("records", "approved", False),
    ("chairman", "signed", False),
]


@pytest.mark.parametrize(("who", "status", "shown"), RETURN_BUTTON)
def test_the_return_for_revision_button(client, people, who, status, shown):
    order = _order_in(status, people)
    client.force_login(getattr(people, who))

    assert ('data-action="return"' in client.get(inspect(order)).content.decode()) is shown


def test_the_chairman_returns_an_approved_order_and_the_drafter_edits_it_again(client, people):
    order = approved(people)
    client.force_login(people.chairman)

    client.post(transition(order, "return"), {"comment": "Орусча текстти тактаңыз."})

    order.refresh_from_db()
    assert order.status == OrderStatus.DRAFT
    client.force_login(people.drafter)
    assert client.get(f"{LIST}edit/{order.pk}/").status_code == 200
    assert "Орусча текстти тактаңыз." in client.get(f"{LIST}history/{order.pk}/").content.decode()


def test_the_chairman_signs_from_the_inspect_page(client, people):
    order = approved(people)
    client.force_login(people.chairman)

    response = client.post(transition(order, "sign"), CONFIRMED)

    assert response.status_code == 302
    order.refresh_from_db()
    assert (order.status, order.number) == (OrderStatus.SIGNED, 1)
    page = client.get(inspect(order)).content.decode()
    assert "№ 1" in page and order.content_sha256 in page


@pytest.mark.parametrize("action", ["sign", "cancel"])
def test_an_irreversible_action_asks_first_and_changes_nothing_until_confirmed(client, people, action):
    order = approved(people) if action == "sign" else signed(people)
    by_order = None if action == "sign" else signed(people, amends=[order])
    data = {"by_order": by_order.pk, "reason_ky": "Себеби", "reason_ru": "Причина"} if by_order else {}
    client.force_login(people.chairman)

    asked = client.post(transition(order, action), data)

    assert asked.status_code == 200
    page = asked.content.decode()
    assert 'name="confirmed" value="yes"' in page and order.title_ky in page
    if by_order:
        assert str(by_order) in page and "Себеби" in page
    order.refresh_from_db()
    assert order.status == (OrderStatus.APPROVED if action == "sign" else OrderStatus.SIGNED)

    client.post(transition(order, action), {**data, **CONFIRMED})
    order.refresh_from_db()
    assert order.status == (OrderStatus.SIGNED if action == "sign" else OrderStatus.CANCELLED)


def test_the_confirmation_page_is_not_shown_to_whoever_may_not_take_the_action(client, people):
    order = approved(people)
    client.force_login(people.secretary)

    response = client.post(transition(order, "sign"), follow=True)

    assert 'name="confirmed"' not in response.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.APPROVED


def test_a_refused_button_shows_the_reason_and_changes_nothing(client, people):
    incomplete = draft(people, title_ru="")
    client.force_login(people.drafter)

    response = client.post(transition(incomplete, "submit"), follow=True)

    assert "Аталышы кыргызча да, орусча да болушу керек." in response.content.decode()
    incomplete.refresh_from_db()
    assert incomplete.status == OrderStatus.DRAFT
    order = approved(people)
    client.force_login(people.secretary)
    client.post(transition(order, "sign"), CONFIRMED)
    order.refresh_from_db()
    assert order.status == OrderStatus.APPROVED


def test_suspension_by_another_order_is_shown_on_both_orders(client, people):
    order = signed(people)
    by_order = signed(people, amends=[order])
    reasons = {"reason_ky": "Текшерүү жүрөт.", "reason_ru": "Идёт проверка."}
    client.force_login(people.chairman)

    refused = client.post(transition(order, "suspend"), reasons, follow=True)
    assert "Муну жасаган башка кол коюлган буйрукту көрсөтүңүз." in refused.content.decode()
    client.post(transition(order, "suspend"), {"by_order": by_order.pk, **reasons, **CONFIRMED})

    order.refresh_from_db()
    assert order.status == OrderStatus.SUSPENDED
    suspended, suspending = (text(client.get(inspect(o))) for o in (order, by_order))
    assert f"{by_order} буйругу менен токтотулган: Текшерүү жүрөт." in suspended
    assert f"{order} буйругун токтотот: Текшерүү жүрөт." in suspending
    assert "өзгөртүү киргизет" not in suspending  # its amending link is not repeated beside the act


def test_only_an_order_that_names_the_order_may_act_on_it(client, people):
    order = signed(people)
    by_link = signed(people, amends=[order])
    by_text = signed(
        people,
        points=[(f"№ {order.number_display} буйругу жокко чыгарылсын.", f"Отменить приказ № {order.number_display}.")],
    )
    unrelated = signed(people)
    similar = signed(people, points=[(f"№ {order.number_display}0 буйругу.", f"Приказ № {order.number_display}0.")])
    client.force_login(people.chairman)

    page = client.get(inspect(order)).content.decode()
    offered = set(re.findall(r'<option value="(\d+)"', page))
    assert {str(by_link.pk), str(by_text.pk)} <= offered
    assert not {str(unrelated.pk), str(similar.pk), str(order.pk)} & offered
    assert (
        '<option value="" selected' in page or "selected" not in page.split('name="by_order"')[1].split("</select>")[0]
    )

    refused = client.post(
        transition(order, "cancel"),
        {"by_order": unrelated.pk, "reason_ky": "Себеп", "reason_ru": "Причина", **CONFIRMED},
        follow=True,
    )
    assert refused.status_code == 200
    order.refresh_from_db()
    assert order.status == OrderStatus.SIGNED
    with pytest.raises(ValidationError) as not_named:
        services.order_cancel(order=order, by_order=unrelated, reason_ky="x", reason_ru="x", actor=people.chairman)
    assert "by_order" in not_named.value.message_dict


@pytest.mark.parametrize("by_order", ["²", "9" * 30, "-1", "x", ""])
def test_a_hostile_order_number_in_a_cancellation_is_a_message_not_an_error(client, people, by_order):
    order = signed(people)
    client.force_login(people.chairman)

    response = client.post(
        transition(order, "cancel"), {"by_order": by_order, "reason_ky": "Себеп", "reason_ru": "Причина"}, follow=True
    )

    assert response.status_code == 200
    assert "Муну жасаган башка кол коюлган буйрукту көрсөтүңүз." in response.content.decode()
    order.refresh_from_db()
    assert order.status == OrderStatus.SIGNED


def test_verification_from_the_inspect_page(client, people):
    order = signed(people)
    client.force_login(people.chairman)

    response = client.post(transition(order, "verify"), follow=True)

    assert "Эки текшерүү суммасы тең дал келет" in response.content.decode()


def test_a_signed_order_cannot_be_edited_in_the_admin(client, people):
    order = signed(people)
    client.force_login(people.drafter)

    assert client.get(f"{LIST}edit/{order.pk}/").status_code in (302, 403)
    response = client.post(f"{LIST}edit/{order.pk}/", {"title_ky": "Башка"})
    assert response.status_code in (302, 403)
    order.refresh_from_db()
    assert order.title_ky != "Башка"


def _formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{index}-ORDER"] = index + 1
        data[f"{prefix}-{index}-DELETE"] = ""
    return data


def test_a_drafter_writes_a_draft_in_the_admin(client, people):
    series = SeriesFactory()
    client.force_login(people.drafter)
    data = {
        "series": series.pk,
        "confidentiality": "",
        "title_ky": "Кабыл алуу тартиби жөнүндө",
        "title_ru": "О порядке приёма",
        **_formset("points", [{"text_ky": "Биринчи пункт.", "text_ru": "Первый пункт."}]),
        **_formset("approvals", [{"approver": people.lawyer.pk}]),
        **_formset("attachments", []),
    }

    response = client.post(f"{LIST}add/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    order = Order.objects.get(title_ky="Кабыл алуу тартиби жөнүндө")
    assert order.drafter == people.drafter
    assert [p.text_ru for p in order.points.all()] == ["Первый пункт."]
    assert [a.approver for a in order.approvals.all()] == [people.lawyer]


def test_the_chairmans_dashboard_lists_the_orders_awaiting_signature(client, people):
    order = approved(people)
    client.force_login(people.chairman)

    assert order.title_ky in client.get("/admin/").content.decode()
    client.force_login(people.secretary)  # an approver, told in a notice, but nothing left to do
    assert order.title_ky not in client.get("/admin/").content.decode().split('class="desk-notices"')[0]


def test_the_history_shows_every_step_of_the_order(client, people):
    order = signed(people)
    client.force_login(people.chairman)

    content = client.get(f"{LIST}history/{order.pk}/").content.decode()

    for label in ("Макулдашууга жөнөтүлдү", "Макулдашылды", "Кол коюлду жана катталды"):
        assert label in content
    client.force_login(people.outsider)
    assert client.get(f"{LIST}history/{order.pk}/").status_code in (302, 403)


def test_a_draft_may_amend_only_signed_orders_its_author_may_read(client, people):
    public = signed(people)
    personnel = signed(people, series=personnel_series(), title_ky="Кызматкерди которуу жөнүндө")
    unsigned = draft(people, title_ky="Али кол коюла элек")
    client.force_login(people.records)
    people.records.groups.add(*people.drafter.groups.all())  # may draft, may not read personnel orders

    form = client.get(f"{LIST}add/").content.decode()

    assert str(public) in form
    assert personnel.title_ky not in form and unsigned.title_ky not in form


def test_a_drafter_attaches_an_annex_file_in_the_admin(client, people):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from governance.orders.models import OrderAttachment

    client.force_login(people.drafter)
    annex = SimpleUploadedFile("grafik.pdf", b"%PDF-1.4 schedule", content_type="application/pdf")
    data = {
        "series": SeriesFactory().pk,
        "confidentiality": "",
        "title_ky": "Тиркемеси бар буйрук",
        "title_ru": "Приказ с приложением",
        **_formset("points", [{"text_ky": "Биринчи пункт.", "text_ru": "Первый пункт."}]),
        **_formset("approvals", [{"approver": people.lawyer.pk}]),
        **_formset("attachments", [{"title_ky": "График", "title_ru": "График", "file": annex}]),
    }

    response = client.post(f"{LIST}add/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    attachment = OrderAttachment.objects.get(order__title_ky="Тиркемеси бар буйрук")
    assert attachment.file.name.startswith("orders/annexes/") and "grafik" not in attachment.file.name
    with attachment.file.open("rb") as stored:
        assert stored.read() == b"%PDF-1.4 schedule"


@pytest.mark.parametrize("who", ["drafter", "hr"])
def test_a_drafter_chooses_the_series_of_his_draft(client, people, who):
    series = SeriesFactory()
    client.force_login(getattr(people, who))

    response = client.get("/admin/snippets/choose/orders/series/", HTTP_X_REQUESTED_WITH="XMLHttpRequest")

    assert response.status_code == 200
    assert series.name_ky in response.json()["html"]
    client.force_login(people.outsider)  # drafts nothing, chooses nothing
    assert series.name_ky not in client.get("/admin/snippets/choose/orders/series/").content.decode()
