"""Login protection: after five wrong passwords the sixth attempt is refused, even with the right
password, with a message in the reader's language; the same for a page's password."""

import pytest
from django.http import HttpRequest
from wagtail.models import PageViewRestriction

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture
def chairman(roles):
    user = UserFactory(username="chairman", roles=["editor"])
    user.set_password("the-right-password")
    user.save()
    return user


def wrong(client, url, data, times):
    for _ in range(times):
        response = client.post(url, data)
        assert response.status_code == 200  # the form again, with its error


@pytest.mark.parametrize(("language", "message"), [("ky", "Өтө көп"), ("ru", "Слишком много")])
def test_the_sixth_admin_login_is_refused_even_with_the_right_password(client, chairman, settings, language, message):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    assert settings.AXES_FAILURE_LIMIT == 5
    wrong(client, LOGIN, {"username": "chairman", "password": "wrong"}, 4)

    fifth = client.post(LOGIN, {"username": "chairman", "password": "wrong"})
    assert fifth.status_code == 429
    sixth = client.post(LOGIN, {"username": "chairman", "password": "the-right-password"})
    assert sixth.status_code == 429
    assert message in sixth.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302  # still not signed in


def test_a_right_password_before_the_limit_signs_in_and_clears_the_count(client, chairman):
    wrong(client, LOGIN, {"username": "chairman", "password": "wrong"}, 4)
    assert client.post(LOGIN, {"username": "chairman", "password": "the-right-password"}).status_code == 302
    client.logout()
    wrong(client, LOGIN, {"username": "chairman", "password": "wrong"}, 4)
    assert client.post(LOGIN, {"username": "chairman", "password": "the-right-password"}).status_code == 302


def test_another_user_is_not_locked_out_by_someone_elses_failures(client, chairman, roles):
    other = UserFactory(username="deputy", roles=["editor"])
    other.set_password("deputy-password")
    other.save()
    wrong(client, LOGIN, {"username": "chairman", "password": "wrong"}, 4)
    client.post(LOGIN, {"username": "chairman", "password": "wrong"})
    assert client.post(LOGIN, {"username": "deputy", "password": "deputy-password"}).status_code == 302


def test_the_sixth_page_password_is_refused_even_when_right(client, tree):
    about_ky, _ = tree["about"]
    PageViewRestriction.objects.create(page=about_ky, restriction_type="password", password="сыр")
    url = "/ky/jonundo/"
    action = client.get(url).context["action_url"]
    wrong(client, action, {"password": "wrong", "return_url": url}, 4)
    assert client.post(action, {"password": "wrong", "return_url": url}).status_code == 429
    refused = client.post(action, {"password": "сыр", "return_url": url})
    assert refused.status_code == 429
    assert "Өтө көп" in refused.content.decode()
    assert "Кызмат тууралуу" not in client.get(url).content.decode()


def test_sessions_are_short_and_configurable(settings):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE


def test_a_login_without_a_request_is_still_possible_for_scripts(chairman, client):
    assert client.login(request=HttpRequest(), username="chairman", password="the-right-password")
