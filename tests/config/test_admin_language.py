import pytest
from django.utils import translation
from wagtail.users.models import UserProfile

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SUBDIVISIONS = "/admin/snippets/structure/subdivision/"


def admin_page_for(client, language):
    user = UserFactory(roles=["hr_officer"])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    response = client.get(SUBDIVISIONS)
    assert response.status_code == 200
    return response.content.decode()


def test_kyrgyz_admin_user_sees_our_strings_and_wagtails_in_kyrgyz(client, roles):
    html = admin_page_for(client, "ky")

    assert 'lang="ky"' in html
    # Wagtail's "Add %(model_name)s" from our Kyrgyz catalogue of Wagtail, with our Kyrgyz model name.
    assert "Кошуу: түзүмдүк бөлүм" in html
    assert "Добавить" not in html
    assert "Add " not in html
    assert "gravatar" not in html  # no staff e-mail leaves for an avatar service


def test_russian_admin_user_sees_russian(client, roles):
    html = admin_page_for(client, "ru")

    assert 'lang="ru"' in html
    assert "Добавить: структурное подразделение" in html


def test_kyrgyz_falls_back_to_russian_and_russian_does_not_loop_back():
    with translation.override("ru"):
        russian = translation.gettext("Enter a valid domain name.")  # Django has no Kyrgyz for it
        assert translation.gettext("a message nobody translated") == "a message nobody translated"
    with translation.override("ky"):
        assert translation.gettext("Enter a valid domain name.") == russian != "Enter a valid domain name."
        assert translation.gettext("a message nobody translated") == "a message nobody translated"
        assert translation.gettext("Structure") == "Түзүм"
