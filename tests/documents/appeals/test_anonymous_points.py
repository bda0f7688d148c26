"""Anonymous appeals, which the records office may leave unconsidered with a reason the sender
reads on the status page, and the points an appeal raises."""

import time

import pytest
from django.core import signing
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from documents.appeals import services
from documents.appeals.enums import Status
from documents.appeals.forms import STARTED_SALT
from documents.appeals.models import Appeal
from tests.documents.appeals.factories import TEXT, appeal
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(roles):
    return UserFactory(username="records", roles=["records_officer"])


def anonymous(**fields):
    return appeal(name="", anonymous=True, email="", **fields)


def form(**overrides) -> dict:
    started = signing.Signer(salt=STARTED_SALT).sign(str(time.time() - 10))
    return {"kind": "complaint", "sender": "person", "text": TEXT, "website": "", "started": started, **overrides}


def test_the_public_form_takes_an_anonymous_appeal_without_name_or_e_mail(client):
    response = client.post("/ru/appeals/", form(anonymous="on"), REMOTE_ADDR="10.0.0.9")

    assert response.status_code == 200
    record = Appeal.objects.get()
    assert (record.anonymous, record.name, record.email) == (True, "", "")
    assert f"#code={response.context['token']}" in response.content.decode()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({}, "Укажите своё имя"),
        ({"name": "Асель"}, "адрес электронной почты"),
        ({"anonymous": "on", "name": "Асель"}, "оставьте это поле пустым"),
        ({"anonymous": "on", "sender": "organisation", "organisation": "ОО «Көмөк»"}, "организации не анонимно"),
    ],
    ids=["no-name", "signed-without-e-mail", "anonymous-with-a-name", "anonymous-organisation"],
)
def test_a_contradictory_choice_gets_a_clear_message_and_stores_nothing(client, overrides, message):
    response = client.post("/ru/appeals/", form(**overrides), REMOTE_ADDR="10.0.0.9")

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Appeal.objects.exists()


def test_the_spam_guard_holds_for_anonymous_appeals_too(client):
    response = client.post("/ru/appeals/", form(anonymous="on", website="http://spam.example"), REMOTE_ADDR="1.2.3.4")
    assert response.status_code == 400
    assert not Appeal.objects.exists()


def test_an_anonymous_appeal_is_left_unconsidered_with_a_reason_and_is_no_longer_open_or_overdue(
    officer, django_capture_on_commit_callbacks, mailoutbox
):
    record, _token = anonymous()
    with pytest.raises(ValidationError):
        services.appeal_leave_unconsidered(appeal=record, actor=officer, reason=" ")

    with django_capture_on_commit_callbacks(execute=True):
        services.appeal_leave_unconsidered(appeal=record, actor=officer, reason="Текст не позволяет проверить факты.")

    record.refresh_from_db()
    assert (record.status, record.unconsidered_reason) == (Status.UNCONSIDERED, "Текст не позволяет проверить факты.")
    assert not record.overdue
    with pytest.raises(ValidationError):  # final: nothing more happens to it
        services.appeal_answer(appeal=record, actor=officer, text="Ответ")
    assert mailoutbox == []  # no address was given


def test_the_leaving_is_in_the_log(officer):
    from governance.access.models import PolicyLogEntry

    record, _token = anonymous()
    services.appeal_leave_unconsidered(appeal=record, actor=officer, reason="Нет сведений для проверки.")
    entry = PolicyLogEntry.objects.for_instance(record).get(action="appeals.leave_unconsidered")
    assert (entry.user, entry.data["reason"]) == (officer, "Нет сведений для проверки.")


def test_a_named_appeal_is_not_left_unconsidered(officer):
    record, _token = appeal()
    with pytest.raises(ValidationError) as refused:
        services.appeal_leave_unconsidered(appeal=record, actor=officer, reason="Не хочется отвечать.")
    assert refused.value.messages
    record.refresh_from_db()
    assert (record.status, record.unconsidered_reason) == (Status.REGISTERED, "")


def test_who_may_not_process_appeals_leaves_nothing_unconsidered_and_records_no_point(roles):
    record, _token = anonymous()
    outsider = UserFactory(username="hr", roles=["hr_officer"])
    with pytest.raises(PermissionDenied):
        services.appeal_leave_unconsidered(appeal=record, actor=outsider, reason="Причина")
    with pytest.raises(PermissionDenied):
        services.appeal_point_add(appeal=record, actor=outsider, text="Пункт")
    record.refresh_from_db()
    assert record.status == Status.REGISTERED and not record.points.exists()


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("ru", ["оставлено без рассмотрения", "Текст не позволяет проверить факты.", "№ 67", "4 мая 2007"]),
        ("ky", ["каралбай калтырылды", "Текст не позволяет проверить факты.", "№ 67", "2007-жылдын 4-майындагы"]),
    ],
)
def test_the_status_page_says_the_appeal_was_left_unconsidered_why_and_on_what_basis(client, officer, language, texts):
    record, token = anonymous()
    services.appeal_leave_unconsidered(appeal=record, actor=officer, reason="Текст не позволяет проверить факты.")

    body = client.post(f"/{language}/appeals/status/", {"code": token}).content.decode()

    for text in texts:
        assert text in body


def test_the_statistics_count_the_appeals_left_unconsidered_apart(client, officer):
    left, _ = anonymous(address="1")
    anonymous(address="2")
    appeal(address="3")
    services.appeal_leave_unconsidered(appeal=left, actor=officer, reason="Нет сведений для проверки.")

    response = client.get("/ru/appeals/statistics/")

    total = response.context["total"]
    assert (total["received"], total["unconsidered"], total["overdue"], total["on_time"]) == (3, 1, 0, 0)
    assert "без рассмотрения" in response.content.decode()


def test_points_are_numbered_edited_while_open_and_never_after(officer):
    record, _token = appeal()
    first = services.appeal_point_add(appeal=record, actor=officer, text="Какие документы нужны?")
    second = services.appeal_point_add(appeal=record, actor=officer, text="Каков срок?")
    assert (first.number, second.number) == (1, 2)
    with pytest.raises(ValidationError):
        services.appeal_point_add(appeal=record, actor=officer, text="  ")

    services.appeal_point_edit(point=second, actor=officer, text="Каков срок выдачи разрешения?")
    assert list(record.points.values_list("text", flat=True)) == [
        "Какие документы нужны?",
        "Каков срок выдачи разрешения?",
    ]

    services.appeal_answer(appeal=record, actor=officer, text="Ответ дан.")
    with pytest.raises(ValidationError):
        services.appeal_point_edit(point=first, actor=officer, text="Другой пункт")
    with pytest.raises(ValidationError):
        services.appeal_point_add(appeal=record, actor=officer, text="Ещё пункт")
    assert record.points.count() == 2


def test_the_admin_records_points_and_leaves_only_an_anonymous_appeal_unconsidered(client, officer):
    named, _ = appeal(address="1")
    unsigned, _ = anonymous(address="2")
    client.force_login(officer)

    url = reverse("wagtailsnippets_appeals_appeal:process", args=(named.pk,))
    assert client.post(url, {"action": "point", "point_text": "Какие документы нужны?"}).status_code == 302
    refused = client.post(url, {"action": "unconsidered", "unconsidered_reason": "Причина"})
    assert refused.status_code == 200 and refused.context["form"].errors
    named.refresh_from_db()
    assert named.status == Status.REGISTERED and named.points.count() == 1

    url = reverse("wagtailsnippets_appeals_appeal:process", args=(unsigned.pk,))
    response = client.post(url, {"action": "unconsidered", "unconsidered_reason": "Нет сведений для проверки."})
    assert response.status_code == 302
    unsigned.refresh_from_db()
    assert unsigned.status == Status.UNCONSIDERED
