import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.http import HttpRequest
from wagtail.models import Page, Site

from cms.models import HomePage
from governance.access import policy
from governance.agency.models import AgencySettings
from governance.structure.models import Subdivision

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_load_demo_twice_gives_the_same_row_counts():
    call_command("load_demo")
    first = row_counts()
    call_command("load_demo")

    assert row_counts() == first


def test_load_demo_builds_a_bilingual_site_for_the_agency(client):
    call_command("load_demo")

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    assert isinstance(home, HomePage)
    assert {p.locale.language_code for p in Page.objects.filter(translation_key=home.translation_key)} == {"ky", "ru"}
    assert AgencySettings.for_site(site).full_name_ru.startswith("Государственная служба миграции")
    assert Subdivision.objects.count() >= 5
    ky = client.get("/ky/").content.decode()
    ru = client.get("/ru/").content.decode()
    assert "Мамлекеттик миграция кызматы" in ky
    assert "Государственная служба миграции" in ru


def test_load_demo_gives_every_role_a_user_who_can_log_in(client):
    call_command("load_demo")

    users = get_user_model().objects.exclude(username="admin")
    assert sorted(u.username for u in users) == sorted(users.values_list("groups__role__code", flat=True))
    # (the request lets the login protection count attempts by address)
    assert client.login(request=HttpRequest(), username="chairman", password="kyzmat-demo")
    head = users.get(username="head_of_subdivision")
    assert policy.can(head, "structure.change_subdivision", Subdivision.objects.get(code="legal"))
    assert not policy.can(head, "structure.change_subdivision", Subdivision.objects.get(code="hr"))
