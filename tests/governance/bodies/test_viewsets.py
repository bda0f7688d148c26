"""The admin's screens of bodies and meetings: read-only, and a reader finds only the bodies they sit on."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from governance.bodies.models import Body, Meeting
from tests.factories import UserFactory
from tests.governance.bodies.factories import Collegium

pytestmark = pytest.mark.django_db

MEETINGS = "/admin/snippets/bodies/meeting/"
BODIES = "/admin/snippets/bodies/body/"


@pytest.fixture
def setting(roles):
    # the collegium's secretary works in the records office; so does someone who sits on no body
    secretary = UserFactory(username="collegium-secretary", roles=["records_officer"])
    clerk = UserFactory(username="clerk", roles=["records_officer"])
    collegium, other = Collegium(), Collegium(code="other")
    return secretary, clerk, collegium, other


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_member_lists_and_inspects_the_meetings_of_their_body_only(client, setting):
    secretary, _clerk, collegium, other = setting
    mine, theirs = collegium.meeting(), other.meeting()
    client.force_login(secretary)

    page = _page(client, MEETINGS)
    assert "Коллегия collegium" in page
    assert "Коллегия other" not in page  # neither a row nor a choice of the filter
    assert "Коллегия collegium" in _page(client, f"{MEETINGS}inspect/{mine.pk}/")
    assert client.get(f"{MEETINGS}inspect/{theirs.pk}/").status_code in (302, 403, 404)
    assert "Коллегия other" not in client.get(f"{MEETINGS}inspect/{theirs.pk}/", follow=True).content.decode()
    assert "Коллегия other" not in _page(client, f"{MEETINGS}?body={other.body.pk}")

    bodies = _page(client, BODIES)
    assert "Коллегия collegium" in bodies and "Коллегия other" not in bodies
    assert client.get(f"{BODIES}inspect/{other.body.pk}/").status_code in (302, 403, 404)


def test_who_sits_on_no_body_finds_no_meeting(client, setting):
    _secretary, clerk, collegium, _other = setting
    meeting = collegium.meeting()
    client.force_login(clerk)
    assert "Коллегия collegium" not in client.get(MEETINGS, follow=True).content.decode()
    assert client.get(f"{MEETINGS}inspect/{meeting.pk}/").status_code in (302, 403, 404)


def test_the_screens_change_nothing_even_for_who_keeps_the_bodies(client, setting):
    _secretary, _clerk, collegium, _other = setting
    meeting = collegium.meeting()
    client.force_login(collegium.admin)
    assert "Коллегия other" in _page(client, MEETINGS)  # who keeps the bodies reads them all
    for url in (
        f"{MEETINGS}add/",
        f"{MEETINGS}edit/{meeting.pk}/",
        f"{MEETINGS}delete/{meeting.pk}/",
        f"{BODIES}add/",
        f"{BODIES}edit/{collegium.body.pk}/",
    ):
        assert client.get(url).status_code in (302, 403), url
        assert client.post(url, {"place": "Башка жер", "name_ky": "Башка"}).status_code in (302, 403), url
    meeting.refresh_from_db()
    assert meeting.place == "Бишкек, 1-зал"
    assert Meeting.objects.count() == 1 and Body.objects.count() == 2
    assert Body.objects.get(pk=collegium.body.pk).name_ky == "Коллегия collegium"


def test_the_meetings_list_keeps_its_queries_whatever_the_number_of_rows(client, setting):
    secretary, _clerk, collegium, _other = setting
    now = timezone.now()
    collegium.meeting(when=now - datetime.timedelta(days=40))
    client.force_login(secretary)
    _page(client, MEETINGS)  # the first request fills the caches of the process
    with CaptureQueriesContext(connection) as few:
        _page(client, MEETINGS)
    for days in range(10):
        collegium.meeting(when=now + datetime.timedelta(days=days))
    with CaptureQueriesContext(connection) as many:
        page = _page(client, MEETINGS)
    assert len(many.captured_queries) <= len(few.captured_queries)
    assert page.count(f"{MEETINGS}inspect/") >= 11
