"""The records office processes appeals: extension, forwarding, answer; the admin list puts the
overdue ones first and marks them; only who the policy allows sees or processes any."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from documents.appeals import services
from documents.appeals.enums import Status
from tests.documents.appeals.factories import TEXT, appeal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BISHKEK = zoneinfo.ZoneInfo("Asia/Bishkek")


@pytest.fixture
def officer(roles):
    return UserFactory(username="records", roles=["records_officer"])


def test_an_extension_needs_a_later_term_and_a_reason_and_the_sender_sees_both(client, officer):
    record, token = appeal()
    with pytest.raises(ValidationError):
        services.appeal_extend(appeal=record, actor=officer, until=record.deadline, reason="проверка")
    with pytest.raises(ValidationError):
        services.appeal_extend(
            appeal=record, actor=officer, until=record.deadline + datetime.timedelta(days=9), reason=" "
        )

    later = record.deadline + datetime.timedelta(days=20)
    services.appeal_extend(appeal=record, actor=officer, until=later, reason="Нужен запрос в другой орган")

    body = client.post("/ru/appeals/status/", {"code": token}).content.decode()
    assert later.strftime("%d.%m.%Y") in body and "Нужен запрос в другой орган" in body


def test_forwarding_and_answering_close_the_appeal(client, officer):
    forwarded, token = appeal(address="1")
    services.appeal_forward(appeal=forwarded, actor=officer, to="Министерство труда")
    assert "Министерство труда" in client.post("/ru/appeals/status/", {"code": token}).content.decode()
    with pytest.raises(ValidationError):
        services.appeal_answer(appeal=forwarded, actor=officer, text="Ответ")

    answered, _ = appeal(address="2")
    services.appeal_answer(appeal=answered, actor=officer, text="Разрешение выдаётся за 10 дней.")
    answered.refresh_from_db()
    assert answered.status == Status.ANSWERED


def test_who_is_not_in_the_records_office_processes_nothing(roles):
    record, _ = appeal()
    outsider = UserFactory(username="hr", roles=["hr_officer"])
    with pytest.raises(PermissionDenied):
        services.appeal_answer(appeal=record, actor=outsider, text="Ответ")
    with pytest.raises(PermissionDenied):
        services.appeal_forward(appeal=record, actor=outsider, to="Куда-то")


def test_the_list_shows_overdue_appeals_first_and_only_to_the_records_office(
    client, officer, roles, django_assert_max_num_queries
):
    fresh, _ = appeal(name="Свежее обращение", address="1")
    _late, _ = appeal(name="Просроченное обращение", address="2", on=datetime.datetime(2025, 1, 13, tzinfo=BISHKEK))
    url = reverse("wagtailsnippets_appeals_appeal:list")

    client.force_login(officer)
    # Bounded whatever the number of appeals; most of it is the admin's menu asking the policy.
    with django_assert_max_num_queries(50):
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Просроченное обращение") < body.index("Свежее обращение")
    assert next(iter(response.context["object_list"])).overdue

    client.force_login(UserFactory(username="hr", roles=["hr_officer"]))
    response = client.get(url)
    assert "Просроченное обращение" not in response.content.decode()
    assert client.get(reverse("wagtailsnippets_appeals_appeal:edit", args=(fresh.pk,))).status_code in (302, 403)


def test_the_records_officer_processes_through_the_admin_and_a_bad_step_changes_nothing(client, officer, roles):
    record, _ = appeal()
    url = reverse("wagtailsnippets_appeals_appeal:process", args=(record.pk,))
    client.force_login(officer)
    assert client.get(url).status_code == 200

    refused = client.post(url, {"action": "extend", "reason": ""})
    assert refused.status_code == 200 and refused.context["form"].errors
    record.refresh_from_db()
    assert record.status == Status.REGISTERED

    # The answer is an outgoing document, approved before it is sent: there is no answering here.
    typed = client.post(url, {"action": "answer", "text": "Разрешение выдаётся за 10 дней."})
    assert typed.status_code == 200 and typed.context["form"].errors["action"]
    record.refresh_from_db()
    assert record.status == Status.REGISTERED

    response = client.post(url, {"action": "forward", "to": "Эмгек министрлиги"})
    assert response.status_code == 302
    record.refresh_from_db()
    assert record.status == Status.FORWARDED

    client.force_login(UserFactory(username="hr", roles=["hr_officer"]))
    assert client.get(url).status_code in (302, 403, 404)


def test_the_card_of_an_open_appeal_leads_the_records_officer_to_its_processing(client, officer):
    record, _ = appeal()
    client.force_login(officer)
    body = client.get(reverse("wagtailsnippets_appeals_appeal:inspect", args=(record.pk,))).content.decode()
    assert reverse("wagtailsnippets_appeals_appeal:process", args=(record.pk,)) in body


def test_the_sender_is_told_of_an_extension_and_a_forwarding_by_e_mail_in_the_appeals_language(
    officer, django_capture_on_commit_callbacks, mailoutbox
):
    russian, _ = appeal(address="3")
    kyrgyz, _ = services.appeal_submit(
        fields={"kind": "complaint", "sender": "person", "name": "Бакыт", "email": "bakyt@example.kg", "text": TEXT},
        attachments=[],
        address="4",
        language="ky",
    )
    later = russian.deadline + datetime.timedelta(days=20)
    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_extend(appeal=russian, actor=officer, until=later, reason="Нужен запрос в другой орган")
        services.appeal_forward(appeal=kyrgyz, actor=officer, to="Эмгек министрлиги")

    by_address = {message.to[0]: message for message in mailoutbox}
    assert sorted(by_address) == ["asel@example.kg", "bakyt@example.kg"]
    extension = by_address["asel@example.kg"]
    assert russian.number in extension.subject and "продлён" in extension.subject
    assert later.strftime("%d.%m.%Y") in extension.body and "Нужен запрос в другой орган" in extension.body
    forwarding = by_address["bakyt@example.kg"]
    assert kyrgyz.number in forwarding.subject and "жөнөтүлдү" in forwarding.subject
    assert "Эмгек министрлиги" in forwarding.body
    # Only the digest of the private link is stored: no mail can carry it.
    assert "#code=" not in extension.body + forwarding.body


def test_a_refused_step_sends_no_mail(officer, django_capture_on_commit_callbacks, mailoutbox):
    record, _ = appeal()
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError):
            services.appeal_extend(appeal=record, actor=officer, until=record.deadline, reason="проверка")
        with pytest.raises(ValidationError):
            services.appeal_forward(appeal=record, actor=officer, to=" ")
    assert mailoutbox == []
