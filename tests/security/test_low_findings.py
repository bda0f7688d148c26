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


def test_load_demo_refuses_to_run_under_settings_that_do_not_allow_it(settings, monkeypatch):
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError, call_command

    settings.DEMO_DATA_ALLOWED = False
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DEMO_DATA_ALLOWED"):
        call_command("load_demo")
    with pytest.raises(CommandError, match="DEMO_PASSWORD"):
        call_command("load_demo", "--not-production")
    monkeypatch.setenv("DEMO_PASSWORD", "kyzmat-demo")
    with pytest.raises(CommandError, match="published one is refused"):
        call_command("load_demo", "--not-production")
    assert not get_user_model().objects.filter(username="admin").exists()


def test_the_api_docs_load_swagger_from_our_own_static_files(client):
    import re

    html = client.get("/api/v1/docs").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)
    assert all(source.startswith("/static/") for source in sources), sources
    assert "cdn" not in html.lower()


def test_the_deploy_guide_serves_no_media_but_public_images():
    from django.conf import settings

    deploy = (settings.BASE_DIR / "docs" / "deploy.md").read_text()
    orders = (settings.BASE_DIR / "docs" / "orders.md").read_text()
    assert "serve `STATIC_ROOT` and `MEDIA_ROOT` from the proxy" not in deploy
    assert "Never serve `MEDIA_ROOT` as a whole" in deploy
    assert "location /media/ " not in deploy and "location /media/images/" in deploy
    assert "serves no part of `MEDIA_ROOT` but the public images" in orders
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
