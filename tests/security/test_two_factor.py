"""Two-step sign-in: the roles that sign, vote or manage personnel cannot reach the admin without
a confirmed authenticator; a user with one is asked for a code after the password."""

import time

import pytest
from django.http import HttpRequest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from governance.access.roles import TWO_FACTOR_ROLES
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _required(settings):
    settings.KYZMAT_2FA_REQUIRED = True


def code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def user(roles, username, role):
    person = UserFactory(username=username, roles=[role])
    person.set_password("the-right-password")
    person.save()
    return person


def test_the_roles_that_sign_vote_or_manage_personnel_require_it():
    assert {
        "chairman",
        "deputy_chairman",
        "state_secretary",
        "hr_officer",
        "collegium_secretary",
        "collegium_member",
    } == TWO_FACTOR_ROLES


def test_a_chairman_without_a_device_is_sent_to_set_one_up_and_reaches_nothing_else(client, roles):
    client.force_login(user(roles, "chairman", "chairman"))
    for url in ("/admin/", "/admin/snippets/orders/order/", "/admin/pages/", "/admin/account/"):
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/admin/two-factor/setup/"), url

    page = client.get("/admin/two-factor/setup/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user__username="chairman", confirmed=False)

    wrong = client.post("/admin/two-factor/setup/", {"otp_token": "000000" if code(device) != "000000" else "111111"})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a guesser wait after a failure; the test does not

    done = client.post("/admin/two-factor/setup/", {"otp_token": code(device), "next": "/admin/pages/"})
    assert done.status_code == 200
    assert len(done.context["codes"]) == 10
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_a_collegium_member_votes_in_the_members_portal_only_after_the_second_step(client, roles, language):
    client.force_login(user(roles, "member", "collegium_member"))

    response = client.get(f"/{language}/members/")

    assert response.status_code == 302 and response.url.startswith("/admin/two-factor/setup/")
    assert f"next=/{language}/members/" in response.url


def test_with_a_device_the_code_is_asked_after_the_password(client, roles):
    chairman = user(roles, "chairman", "chairman")
    device = TOTPDevice.objects.create(user=chairman, name="phone", confirmed=True)

    response = client.post("/admin/login/", {"username": "chairman", "password": "the-right-password"})
    assert response.status_code == 302
    asked = client.get("/admin/snippets/orders/order/")
    assert asked.status_code == 302 and asked.url.startswith("/admin/two-factor/verify/")

    refused = client.post("/admin/two-factor/verify/", {"otp_token": "12345"})
    assert refused.status_code == 200 and refused.context["form"].errors
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing: wait a second…
    device.throttle_reset()  # …which the test skips

    passed = client.post("/admin/two-factor/verify/", {"otp_token": code(device), "next": "/admin/pages/"})
    assert passed.status_code == 302 and passed.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_the_verify_page_never_sends_the_user_to_another_site(client, roles):
    chairman = user(roles, "chairman", "chairman")
    device = TOTPDevice.objects.create(user=chairman, name="phone", confirmed=True)
    client.force_login(chairman)
    passed = client.post("/admin/two-factor/verify/", {"otp_token": code(device), "next": "https://evil.example/"})
    assert passed.url == "/admin/"


def test_a_backup_code_signs_in_once(client, roles):
    chairman = user(roles, "chairman", "chairman")
    client.force_login(chairman)
    client.get("/admin/two-factor/setup/")
    device = TOTPDevice.objects.get(user=chairman)
    backup = client.post("/admin/two-factor/setup/", {"otp_token": code(device)}).context["codes"][0]

    client.logout()
    client.force_login(chairman)
    assert client.post("/admin/two-factor/verify/", {"otp_token": backup}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(chairman)
    assert client.post("/admin/two-factor/verify/", {"otp_token": backup}).status_code == 200  # used up
    assert client.get("/admin/").status_code == 302


def test_an_editor_may_go_without_but_once_he_has_a_device_it_is_asked(client, roles):
    editor = user(roles, "editor", "editor")
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    client.logout()
    client.force_login(editor)
    assert client.get("/admin/").url.startswith("/admin/two-factor/verify/")


def test_a_superuser_requires_it_too(client, admin_user):
    client.force_login(admin_user)
    assert client.get("/admin/").url.startswith("/admin/two-factor/setup/")


def test_when_switched_off_a_role_may_go_without(client, roles, settings):
    settings.KYZMAT_2FA_REQUIRED = False
    client.force_login(user(roles, "chairman", "chairman"))
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(("language", "text"), [("ky", "экинчи кадамы"), ("ru", "Второй шаг")])
def test_the_pages_speak_the_users_language(client, roles, language, text):
    chairman = user(roles, "chairman", "chairman")
    profile = UserProfile.get_for_user(chairman)
    profile.preferred_language = language
    profile.save()
    TOTPDevice.objects.create(user=chairman, name="phone", confirmed=True)
    assert client.login(request=HttpRequest(), username="chairman", password="the-right-password")
    assert text in client.get("/admin/two-factor/verify/").content.decode()
