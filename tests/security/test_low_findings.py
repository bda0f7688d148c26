"""The low findings of the security review, each tried as an attacker would."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("restriction", ["password", "login", "unpublished"])
def test_the_missing_translation_notice_names_no_page_the_reader_may_not_read(client, tree, restriction):
    home_ky, _ = tree["home"]
    secret = StandardPageFactory(parent=home_ky, locale=home_ky.locale, title="Жашыруун бет", slug="jashyruun")
    if restriction == "unpublished":
        secret.unpublish()
    else:
        PageViewRestriction.objects.create(page=secret, restriction_type=restriction, password="сыр")

    response = client.get(f"/ru/no-translation/{secret.pk}/")
    assert response.status_code == 404
    assert "Жашыруун бет" not in response.content.decode()


def test_the_missing_translation_notice_names_a_public_page(client, tree):
    home_ky, _ = tree["home"]
    page = StandardPageFactory(parent=home_ky, locale=home_ky.locale, title="Ачык бет", slug="achyk")
    response = client.get(f"/ru/no-translation/{page.pk}/")
    assert response.status_code == 200
    assert "Ачык бет" in response.content.decode()
