"""The lifecycle kit on a small module of the tests (``tests/documents/kitapp``): the table, the
actions selector against the policy, the transition view's refusals and the service-backed form."""

import itertools

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ImproperlyConfigured, PermissionDenied, ValidationError
from django.utils import translation
from wagtail.log_actions import registry as log_registry

from documents.lifecycle import Lifecycle
from tests.documents.kitapp import services
from tests.documents.kitapp.enums import LIFECYCLE, MemoStatus
from tests.documents.kitapp.models import Memo
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def log_entries():
    """The log of memos: their admin asks the policy, so Wagtail logs them to the policy's table."""
    return log_registry.get_log_model_for_model(Memo).objects


LIST = "/admin/snippets/kitapp/memo/"
SERVICES = {
    "submit": lambda memo, actor: services.memo_submit(memo=memo, actor=actor),
    "approve": lambda memo, actor: services.memo_approve(memo=memo, actor=actor),
    "send_back": lambda memo, actor: services.memo_send_back(memo=memo, actor=actor, reason="Толуктаңыз"),
}


@pytest.fixture
def people(roles):
    author = UserFactory(username="author")
    approver = UserFactory(username="approver")
    approver.user_permissions.add(Permission.objects.get(codename="approve_memo"))
    stranger = UserFactory(username="stranger")
    for user in (author, approver, stranger):  # every admin user may reach the admin
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return {"author": author, "approver": approver, "stranger": stranger}


def memo_in(status: str, author, body: str = "Текст") -> Memo:
    return Memo.objects.create(title="Кат", body=body, status=status, author=author)


def test_the_table_refuses_an_action_from_a_status_it_does_not_start_from():
    memo = Memo(title="Кат", status=MemoStatus.DRAFT)

    assert LIFECYCLE.may_take("submit", MemoStatus.DRAFT)
    assert not LIFECYCLE.may_take("approve", MemoStatus.DRAFT)
    with pytest.raises(ValidationError) as refused:
        LIFECYCLE.check("approve", memo)
    assert refused.value.code == "status"
    with pytest.raises(ImproperlyConfigured):
        LIFECYCLE.check("publish", memo)  # an action the table does not have is a programming error
    with pytest.raises(ImproperlyConfigured):
        LIFECYCLE.check_end("submit", MemoStatus.APPROVED)


def test_a_refusal_names_the_status_in_the_users_language():
    memo = Memo(title="Кат", status=MemoStatus.DRAFT)
    for language in ("ky", "ru"):
        with translation.override(language):
            reason = str(LIFECYCLE.refusal("approve", memo))
            assert str(memo.get_status_display()) in reason
            assert "status" not in reason  # not the English text


def test_a_lifecycle_without_labels_for_an_action_or_with_a_guard_for_none_is_refused():
    with pytest.raises(ImproperlyConfigured):
        Lifecycle(app="x", transitions={"go": ({"a"}, {"b"})}, labels={})
    with pytest.raises(ImproperlyConfigured):
        Lifecycle(app="x", transitions={"go": ({"a"}, {"b"})}, labels={"go": ("Go", "Gone")}, guards={"stop": str})


def test_the_services_refuse_a_wrong_action_and_change_nothing(people):
    memo = memo_in(MemoStatus.DRAFT, people["author"])

    with pytest.raises(ValidationError):
        services.memo_approve(memo=memo, actor=people["approver"])

    memo.refresh_from_db()
    assert memo.status == MemoStatus.DRAFT
    assert not log_entries().filter(action="kitapp.approve").exists()


@pytest.mark.parametrize(("status", "body"), [(s, b) for s in MemoStatus.values for b in ("Текст", "")])
def test_the_actions_selector_lists_exactly_what_the_services_then_allow(people, status, body):
    """For every user, status and action: a button is shown if and only if its service succeeds."""
    for who, action in itertools.product(people, LIFECYCLE.actions):
        memo = memo_in(status, people["author"], body=body)
        offered = action in LIFECYCLE.actions_for(people[who], memo)
        try:
            SERVICES[action](memo, people[who])
        except (PermissionDenied, ValidationError):
            taken = False
        else:
            taken = True
        assert offered == taken, (who, action, status, body)


def test_the_selector_asks_the_policy_and_the_guards(people):
    submitted = memo_in(MemoStatus.SUBMITTED, people["author"])
    empty = memo_in(MemoStatus.SUBMITTED, people["author"], body=" ")

    assert LIFECYCLE.actions_for(people["approver"], submitted) == ["approve", "send_back"]
    assert LIFECYCLE.actions_for(people["approver"], empty) == ["send_back"]  # the guard
    assert LIFECYCLE.actions_for(people["stranger"], submitted) == []  # the policy
    assert LIFECYCLE.actions_for(people["author"], memo_in(MemoStatus.DRAFT, people["author"])) == ["submit"]


def _inspect(client, memo):
    return client.get(f"{LIST}inspect/{memo.pk}/").content.decode()


def test_the_inspect_page_shows_exactly_the_selectors_buttons(client, people):
    memo = memo_in(MemoStatus.SUBMITTED, people["author"])

    client.force_login(people["approver"])
    content = _inspect(client, memo)
    assert 'data-action="approve"' in content
    assert 'data-action="send_back"' in content
    assert 'data-action="submit"' not in content
    assert 'id="send_back-reason"' in content and 'id="approve-comment"' in content  # one id per form

    client.force_login(people["author"])
    assert "lifecycle-action" not in _inspect(client, memo)


def _post(client, memo, action, data=None):
    return client.post(f"{LIST}transition/{memo.pk}/{action}/", data or {}, follow=True)


def _messages(response) -> str:
    return " ".join(str(message) for message in response.context["messages"])


def test_an_action_that_asks_first_changes_nothing_until_confirmed(client, people):
    memo = memo_in(MemoStatus.SUBMITTED, people["author"])
    client.force_login(people["approver"])

    asked = client.post(f"{LIST}transition/{memo.pk}/approve/", {"comment": "Жакшы"}, follow=True)

    page = asked.content.decode()
    assert "Approve “Кат” for good?" in page
    assert 'name="comment"' in page and 'value="Жакшы"' in page  # the answers go with the confirmation
    memo.refresh_from_db()
    assert memo.status == MemoStatus.SUBMITTED

    _post(client, memo, "approve", {"comment": "Жакшы", "confirmed": "yes"})
    memo.refresh_from_db()
    assert memo.status == MemoStatus.APPROVED
    assert log_entries().get(action="kitapp.approve").data == {"comment": "Жакшы"}


REFUSALS = [
    # who posts, the memo's status and body, the action, its data, what the message says in Kyrgyz
    ("stranger", MemoStatus.SUBMITTED, "Текст", "approve", {}, "укук жок"),  # the policy
    ("approver", MemoStatus.DRAFT, "Текст", "approve", {}, "статус"),  # the table
    ("approver", MemoStatus.SUBMITTED, "", "approve", {}, "A memo without a body"),  # a guard
    ("approver", MemoStatus.SUBMITTED, "Текст", "send_back", {"reason": ""}, "керектүү"),  # the form
]


@pytest.mark.parametrize(("who", "status", "body", "action", "data", "says"), REFUSALS)
def test_the_transition_view_turns_each_refusal_into_a_message_and_changes_nothing(
    client, people, who, status, body, action, data, says
):
    memo = memo_in(status, people["author"], body=body)
    before = Memo.objects.filter(pk=memo.pk).values().get()
    client.force_login(people[who])

    with translation.override("ky"):
        response = _post(client, memo, action, {**data, "language": "ky"})

    assert response.status_code in (200, 403)  # back on the inspect page, or refused there too
    assert response.redirect_chain[0][0].endswith(f"/inspect/{memo.pk}/")
    assert says.lower() in _messages(response).lower()
    assert Memo.objects.filter(pk=memo.pk).values().get() == before
    assert not log_entries().filter(object_id=str(memo.pk)).exists()


def test_an_action_the_admin_does_not_offer_is_not_found(client, people):
    memo = memo_in(MemoStatus.SUBMITTED, people["author"])
    client.force_login(people["approver"])

    assert client.post(f"{LIST}transition/{memo.pk}/delete/", follow=True).status_code == 404
    assert client.get(f"{LIST}transition/{memo.pk}/approve/", follow=True).status_code == 405


def test_a_transition_taken_is_logged_under_its_registered_label(client, people):
    memo = memo_in(MemoStatus.SUBMITTED, people["author"])
    client.force_login(people["approver"])

    response = _post(client, memo, "send_back", {"reason": "Толуктаңыз"})

    memo.refresh_from_db()
    assert memo.status == MemoStatus.DRAFT
    entry = log_entries().get(action="kitapp.send_back")
    assert entry.data == {"reason": "Толуктаңыз"}
    with translation.override("ru"):
        assert entry.message == "Отклонён: Толуктаңыз"  # the reason goes with the action
    history = client.get(f"{LIST}history/{memo.pk}/").content.decode()
    assert response.status_code == 200
    assert "Четке кагылды: Толуктаңыз" in history and "Rejected" not in history


def test_the_create_view_saves_through_the_service_and_shows_its_refusal_on_the_field(client, people):
    client.force_login(people["author"])

    refused = client.post(f"{LIST}add/", {"title": "Secret plans", "body": ""})

    assert refused.status_code == 200
    assert refused.context["form"].errors["title"] == ["A memo's title names no secret."]
    assert not Memo.objects.exists()

    saved = client.post(f"{LIST}add/", {"title": "Кат", "body": ""})
    assert saved.status_code == 302
    assert Memo.objects.get().author == people["author"]
    assert log_entries().filter(action="wagtail.create").count() == 1
