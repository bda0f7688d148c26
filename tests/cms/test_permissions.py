import pytest
from django.contrib.auth.models import AnonymousUser
from wagtail.models import PageViewRestriction

from cms.models import PublicationPage
from governance.access import policy

pytestmark = pytest.mark.django_db


def test_anyone_reads_a_live_page_that_nothing_hides(tree):
    bulletin, _ = tree["bulletin"]

    assert policy.can(AnonymousUser(), "cms.read_page", bulletin)
    assert bulletin in policy.visible(AnonymousUser(), "cms.read_page", PublicationPage.objects.all())


def test_a_draft_or_a_page_behind_a_password_is_not_read_by_the_public(client, tree):
    bulletin, bulletin_ru = tree["bulletin"]
    bulletin.unpublish()
    PageViewRestriction.objects.create(page=bulletin_ru, restriction_type="password", password="сыр")

    for page in (bulletin, bulletin_ru):
        page.refresh_from_db()
        assert not policy.can(AnonymousUser(), "cms.read_page", page)
    readable = policy.visible(AnonymousUser(), "cms.read_page", PublicationPage.objects.all())
    assert not readable.filter(pk__in=[bulletin.pk, bulletin_ru.pk]).exists()
    # …and so the API, which asks the same rule, does not give them either.
    assert client.get(f"/api/v1/publications/{bulletin_ru.pk}/").status_code == 404
