"""load_demo gives a newcomer a living site in both languages."""

import pytest
from django.core.management import call_command

from cms.models import EventPage, LegalActPage, PublicationPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("load_demo")


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_demo_has_every_kind_of_content_in_both_languages(demo, language):
    publications = PublicationPage.objects.live().filter(locale__language_code=language)
    kinds = list(publications.values_list("kind", flat=True))

    assert kinds.count("bulletin") >= 2
    assert kinds.count("news") >= 2
    assert kinds.count("legal_propaganda") >= 2
    events = EventPage.objects.live().filter(locale__language_code=language)
    assert events.upcoming().exists() and events.past().exists()
    act = LegalActPage.objects.live().get(locale__language_code=language)
    assert len(act.table_of_contents()) >= 3


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_demo_page_renders(client, demo, language):
    from wagtail.models import Page

    pages = Page.objects.live().filter(locale__language_code=language, depth__gte=2).specific()
    assert pages.count() >= 15
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f'<html lang="{language}">' in response.content.decode()


def test_demo_agency_has_an_emblem_shown_as_renditions(client, demo):
    from wagtail.models import Site

    from governance.agency.models import AgencySettings

    assert AgencySettings.for_site(Site.objects.get(is_default_site=True)).emblem is not None
    html = client.get("/ky/").content.decode()
    assert 'class="brand__emblem"' in html and ".height-64." in html
    assert 'class="hero__emblem"' in html
    assert '<meta property="og:image"' in html


def test_demo_appeals_have_one_left_unconsidered_and_one_answered_point_by_point(demo):
    from documents.appeals.models import Appeal
    from documents.correspondence.models import Correspondence

    left = Appeal.objects.get(status="unconsidered")
    assert left.anonymous and left.unconsidered_reason
    answer = Correspondence.objects.get(appeal__isnull=False)
    assert answer.status == "registered" and answer.approved_by.username == "chairman"
    assert answer.answer_points.filter(answered=True).count() == answer.appeal.points.count() == 2
    assert answer.appeal.status == "answered"
