"""The answer to a citizen's appeal is an outgoing document in the appeal's language. It says how
it answers each point the appeal raised, is approved by someone other than its drafter, and only
then is registered (sent), which answers the appeal in the same transaction."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import translation

from documents import registration
from documents.appeals import services as appeals
from documents.appeals.enums import Status as AppealStatus
from documents.correspondence import services
from documents.correspondence.enums import LIFECYCLE, Status
from documents.correspondence.models import AnswerPoint
from governance.access import policy
from tests.documents.appeals.factories import appeal as submit
from tests.documents.correspondence.factories import People, docx_bytes, draft, with_file
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
URLS = "wagtailsnippets_correspondence_correspondence"


@pytest.fixture(autouse=True)
def russian():
    """Refusals are read in the user's language: these tests read them in Russian."""
    with translation.override("ru"):
        yield


@pytest.fixture
def people(roles):
    return People()


def answer_with_points(people, *points: str, answered: tuple[int, ...] | None = None):
    """An open appeal with its points recorded, and its draft answer (with a file) answering the
    points numbered in ``answered`` (all of them by default)."""
    appeal, _token = submit()
    recorded = [appeals.appeal_point_add(appeal=appeal, actor=people.records, text=text) for text in points]
    answer = services.appeal_reply_draft(
        actor=people.records, appeal=appeal, subject="О разрешении на работу", summary="Перечень документов."
    )
    with_file(people, answer)
    for point in recorded:
        if answered is None or point.number in answered:
            services.correspondence_answer_point(
                actor=people.records, document=answer, point=point, text=f"Ответ на пункт {point.number}."
            )
    return appeal, recorded, answer


def test_the_answer_is_drafted_approved_and_sent_and_sending_answers_the_appeal(people):
    appeal, _points, answer = answer_with_points(people, "Какие документы нужны?", "Каков срок выдачи?")
    assert (answer.kind, answer.language, answer.correspondent, answer.appeal) == (
        "outgoing",
        "ru",
        appeal.name,
        appeal,
    )

    answer = services.correspondence_approve(actor=people.chairman, document=answer)
    assert (answer.status, answer.approved_by) == (Status.APPROVED, people.chairman)

    answer = services.correspondence_register(actor=people.records, document=answer)
    appeal.refresh_from_db()
    assert answer.status == Status.REGISTERED
    assert appeal.status == AppealStatus.ANSWERED
    assert appeal.answer.startswith(answer.number_display) and "Перечень документов." in appeal.answer
    assert list(appeal.answers.all()) == [answer]
    # The approval and each point's answer are part of what was registered, and verified.
    assert registration.verify(answer).ok
    behind_the_services = AnswerPoint.objects.filter(correspondence=answer)
    if connection.vendor == "postgresql":  # the database refuses it
        with pytest.raises(IntegrityError), transaction.atomic():
            behind_the_services.update(text="Подменённый ответ")
    else:  # Verify finds it
        behind_the_services.update(text="Подменённый ответ")
        assert not registration.verify(answer).content_ok


def test_an_answer_with_an_unanswered_point_is_not_approved_and_the_error_names_the_points(people):
    _appeal, points, answer = answer_with_points(
        people, "Какие документы нужны?", "Каков срок выдачи?", "Сколько стоит?", answered=(1,)
    )
    services.correspondence_answer_point(
        actor=people.records, document=answer, point=points[2], text="Уточняется.", answered=False
    )

    with pytest.raises(ValidationError) as refused:
        services.correspondence_approve(actor=people.chairman, document=answer)

    message = " ".join(refused.value.messages)
    assert "2, 3" in message and "Каков срок выдачи?" in message and "Сколько стоит?" in message
    assert "Какие документы нужны?" not in message
    answer.refresh_from_db()
    assert (answer.status, answer.approved_by) == (Status.DRAFT, None)


def test_an_answer_to_an_appeal_without_recorded_points_is_not_approved(people):
    appeal, _token = submit()
    answer = with_file(people, services.appeal_reply_draft(actor=people.records, appeal=appeal, subject="Ответ"))
    with pytest.raises(ValidationError) as refused:
        services.correspondence_approve(actor=people.chairman, document=answer)
    assert "Запишите пункты" in " ".join(refused.value.messages)


def test_the_drafter_does_not_approve_their_own_answer(people):
    both = UserFactory(username="records_and_chairman", roles=["records_officer", "chairman"])
    appeal, _token = submit()
    point = appeals.appeal_point_add(appeal=appeal, actor=both, text="Какие документы нужны?")
    answer = with_file(people, services.appeal_reply_draft(actor=both, appeal=appeal, subject="Ответ"))
    services.correspondence_answer_point(actor=both, document=answer, point=point, text="Перечень приложен.")
    assert not policy.can(both, "correspondence.approve", answer)  # no button for the drafter

    with pytest.raises(ValidationError) as refused:
        services.correspondence_approve(actor=both, document=answer)

    assert refused.value.code == "own_answer"
    answer.refresh_from_db()
    assert answer.status == Status.DRAFT


def test_whoever_the_policy_does_not_allow_approves_nothing(people):
    _appeal, _points, answer = answer_with_points(people, "Какие документы нужны?")
    other_officer = UserFactory(username="records2", roles=["records_officer"])  # reads it, may not approve
    for reader in (other_officer, people.stranger):
        with pytest.raises(PermissionDenied):
            services.correspondence_approve(actor=reader, document=answer)
    assert policy.can(other_officer, "correspondence.view_correspondence", answer)
    assert not policy.can(people.stranger, "correspondence.view_correspondence", answer)
    answer.refresh_from_db()
    assert answer.status == Status.DRAFT
    # A head of a subdivision may approve it, as the leadership may.
    assert services.correspondence_approve(actor=people.head, document=answer).status == Status.APPROVED


def test_an_unapproved_answer_is_not_sent(people):
    appeal, _points, answer = answer_with_points(people, "Какие документы нужны?")

    with pytest.raises(ValidationError) as refused:
        services.correspondence_register(actor=people.records, document=answer)

    assert "после утверждения" in " ".join(refused.value.messages)
    answer.refresh_from_db()
    appeal.refresh_from_db()
    assert (answer.status, answer.number, appeal.status) == (Status.DRAFT, None, AppealStatus.REGISTERED)


def test_an_approved_answer_keeps_its_text_files_and_points(people):
    appeal, points, answer = answer_with_points(people, "Какие документы нужны?")
    services.correspondence_approve(actor=people.chairman, document=answer)
    answer.refresh_from_db()
    changed = type(answer).objects.get(pk=answer.pk)
    changed.summary = "Другой текст ответа."

    attempts = {
        "text": lambda: services.correspondence_save(actor=people.records, document=changed),
        "file": lambda: services.correspondence_upload(
            actor=people.records, document=answer, name="v2.docx", data=docx_bytes("Другой текст")
        ),
        "answer to a point": lambda: services.correspondence_answer_point(
            actor=people.records, document=answer, point=points[0], text="Другой ответ"
        ),
    }
    for attempt, call in attempts.items():
        with pytest.raises(ValidationError) as refused:
            call()
        assert refused.value.code == "approved", attempt
    with pytest.raises(ValidationError) as refused:  # and the appeal's points stay as answered
        appeals.appeal_point_add(appeal=appeal, actor=people.records, text="Новый пункт")
    assert "утверждён" in " ".join(refused.value.messages)

    answer.refresh_from_db()
    assert (answer.status, answer.files.count(), answer.summary) == (Status.APPROVED, 1, "Перечень документов.")
    assert AnswerPoint.objects.get(correspondence=answer).text == "Ответ на пункт 1."
    assert appeal.points.count() == 1


def test_an_answer_in_another_language_is_not_approved(people):
    _appeal, _points, answer = answer_with_points(people, "Какие документы нужны?")
    answer.language = "ky"
    services.correspondence_save(actor=people.records, document=answer)
    with pytest.raises(ValidationError) as refused:
        services.correspondence_approve(actor=people.chairman, document=answer)
    assert "language" in refused.value.message_dict
    answer.refresh_from_db()
    assert answer.status == Status.DRAFT


def test_only_an_outgoing_document_answers_an_appeal_and_only_its_own_points(people):
    appeal, _token = submit()
    with pytest.raises(ValidationError):
        draft(people, kind="incoming", appeal=appeal)
    with pytest.raises(PermissionDenied):  # the stranger may not process appeals
        services.appeal_reply_draft(actor=people.stranger, appeal=appeal, subject="Жооп")
    other, _token = submit(address="10.0.0.2")
    foreign = appeals.appeal_point_add(appeal=other, actor=people.records, text="Чужой пункт")
    answer = services.appeal_reply_draft(actor=people.records, appeal=appeal, subject="Ответ")
    with pytest.raises(ValidationError):
        services.correspondence_answer_point(actor=people.records, document=answer, point=foreign, text="Ответ")
    letter = with_file(people, draft(people, kind="outgoing"))  # not an answer: nothing to approve
    assert "утверждается только ответ" in LIFECYCLE.refusal("approve", letter)
    assert "approve" not in LIFECYCLE.actions_for(people.chairman, letter)


def test_the_answer_to_an_anonymous_appeal_is_addressed_to_its_anonymous_sender(people):
    appeal, _token = submit(name="", anonymous=True, email="")
    answer = services.appeal_reply_draft(actor=people.records, appeal=appeal, subject="Ответ")
    assert appeal.number in answer.correspondent and "Анонимный" in answer.correspondent


def test_the_admin_approves_through_the_buttons_and_a_refusal_is_a_message(client, people):
    _appeal, points, answer = answer_with_points(people, "Какие документы нужны?", answered=())
    inspect = reverse(f"{URLS}:inspect", args=(answer.pk,))
    approve = reverse(f"{URLS}:transition", args=(answer.pk, "approve"))

    client.force_login(people.records)
    page = client.get(inspect).content.decode()
    assert "Какие документы нужны?" in page and approve not in page
    url = reverse(f"{URLS}:point", args=(answer.pk,))
    assert client.get(url).status_code == 200

    client.force_login(people.chairman)
    response = client.post(approve, {"confirmed": "yes"}, follow=True)
    assert "1" in str(next(iter(response.context["messages"])))  # names the unanswered point
    answer.refresh_from_db()
    assert answer.status == Status.DRAFT

    client.force_login(people.records)
    response = client.post(url, {"point": points[0].pk, "text": "Перечень приложен.", "answered": "on"})
    assert response.status_code == 302

    client.force_login(people.chairman)
    assert approve in client.get(inspect).content.decode()
    client.post(approve, {"confirmed": "yes"})
    answer.refresh_from_db()
    assert (answer.status, answer.approved_by) == (Status.APPROVED, people.chairman)


def test_the_answer_is_drafted_from_the_appeals_card_once_and_only_by_the_records_office(client, people):
    appeal, _token = submit()
    card = reverse("wagtailsnippets_appeals_appeal:inspect", args=(appeal.pk,))
    start = reverse(f"{URLS}:answer", args=(appeal.pk,))
    client.force_login(people.records)
    assert start in client.get(card).content.decode()

    refused = client.post(start, {"subject": "", "summary": ""})
    assert refused.status_code == 200 and refused.context["form"].errors["subject"]
    assert not appeal.answers.exists()

    response = client.post(start, {"subject": "О разрешении на работу", "summary": ""})
    answer = appeal.answers.get()
    assert response.status_code == 302 and response.url == reverse(f"{URLS}:inspect", args=(answer.pk,))
    assert answer.language == appeal.language and answer.status == Status.DRAFT
    # The card now leads to the answer in preparation; a second draft is refused and changes nothing.
    body = client.get(card).content.decode()
    assert reverse(f"{URLS}:inspect", args=(answer.pk,)) in body and start not in body
    second = client.post(start, {"subject": "Второй ответ", "summary": ""})
    assert second.status_code == 200 and "жооп даярдалып жатат" in second.content.decode()  # the admin speaks Kyrgyz
    assert appeal.answers.count() == 1

    # Who may not process the appeal may not draft its answer; who may not read it is not told it exists.
    client.force_login(UserFactory(username="hr", roles=["hr_officer"]))
    assert client.get(start).status_code == 404
    client.logout()
    assert client.get(start).status_code == 302


def test_an_answer_awaiting_approval_is_on_the_approvers_desk_and_leaves_it_once_approved(client, people):
    _appeal, _points, answer = answer_with_points(people, "Какие документы нужны?")
    link = reverse(f"{URLS}:inspect", args=(answer.pk,))

    client.force_login(people.chairman)
    assert link in client.get("/admin/").content.decode()
    # Not on the desk of its drafter (who may not approve it), nor of someone who may not read it.
    for outsider in (people.records, people.stranger):
        client.force_login(outsider)
        assert link not in client.get("/admin/").content.decode()

    services.correspondence_approve(actor=people.chairman, document=answer)
    client.force_login(people.chairman)
    assert link not in client.get("/admin/").content.decode()
