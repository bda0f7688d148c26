"""Preparing a meeting: the agenda sent ahead, late changes marked and told, invitees, cancelling."""

import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.utils import timezone
from docx import Document
from wagtail.users.models import UserProfile

from documents.docx.letterhead import Letterhead
from documents.models import Notice
from governance.bodies import selectors, services
from governance.bodies.docx import build_minutes
from governance.bodies.enums import MeetingStatus
from tests.governance.bodies.factories import Collegium

pytestmark = pytest.mark.django_db


@pytest.fixture
def collegium():
    return Collegium()


def _in_days(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def test_sending_the_agenda_tells_every_member_but_the_sender_and_is_on_time_when_early(collegium):
    meeting = collegium.meeting(when=_in_days(10))

    meeting = services.agenda_send(actor=collegium.secretary, meeting=meeting)

    told = set(Notice.objects.values_list("user", flat=True))
    assert told == {user.pk for user in collegium.members} - {collegium.secretary.pk}
    assert meeting.agenda_sent_at is not None and not meeting.agenda_sent_late
    notice = Notice.objects.filter(user=collegium.chair).get()
    assert notice.url == f"/ky/members/meetings/{meeting.pk}/"
    assert "Коллегия collegium" in notice.text_ky and notice.text_ru


def test_each_member_gets_the_link_to_the_meeting_in_their_own_language(collegium, django_capture_on_commit_callbacks):
    UserProfile.objects.update_or_create(user=collegium.deputy, defaults={"preferred_language": "ru"})
    UserProfile.objects.update_or_create(user=collegium.chair, defaults={"preferred_language": "ky"})
    for user in (collegium.deputy, collegium.chair, collegium.government):
        user.email = f"{user.username}@example.kg"
        user.save(update_fields=["email"])
    meeting = collegium.meeting(when=_in_days(10))

    with django_capture_on_commit_callbacks(execute=True):
        services.agenda_send(actor=collegium.secretary, meeting=meeting)
        services.meeting_cancel(actor=collegium.secretary, meeting=meeting, reason_ky="Себеп", reason_ru="Причина")

    urls = {
        user: set(Notice.objects.filter(user=user).values_list("url", flat=True))
        for user in (collegium.deputy, collegium.chair, collegium.government)
    }
    assert urls[collegium.deputy] == {f"/ru/members/meetings/{meeting.pk}/"}
    assert urls[collegium.chair] == {f"/ky/members/meetings/{meeting.pk}/"}
    assert urls[collegium.government] == {f"/ky/members/meetings/{meeting.pk}/"}  # no choice: the site's default
    to_deputy = [message for message in mail.outbox if message.to == [collegium.deputy.email]]
    assert len(to_deputy) == 2
    assert all(f"/ru/members/meetings/{meeting.pk}/" in message.body for message in to_deputy)
    assert all("Коллегия collegium" in message.body for message in to_deputy)
    to_chair = [message for message in mail.outbox if message.to == [collegium.chair.email]]
    assert all(f"/ky/members/meetings/{meeting.pk}/" in message.body for message in to_chair)


def test_an_agenda_sent_fewer_days_ahead_than_the_body_asks_is_marked_late(collegium):
    meeting = collegium.meeting(when=_in_days(2))  # the body asks for 5 days

    meeting = services.agenda_send(actor=collegium.secretary, meeting=meeting)

    assert meeting.agenda_sent_late
    assert meeting.agenda_due_on == timezone.localdate(meeting.starts_at) - datetime.timedelta(days=5)


def test_items_and_materials_added_after_sending_are_late_and_told(client, collegium):
    meeting = collegium.meeting(when=_in_days(10))
    early = meeting.items.get()
    services.agenda_send(actor=collegium.secretary, meeting=meeting)
    Notice.objects.all().delete()

    late = services.item_add(
        actor=collegium.secretary, meeting=meeting, title_ky="Кошумча маселе", title_ru="Дополнительный вопрос"
    )
    services.material_add(
        actor=collegium.secretary, item=early, title="Кечиккен маалымкат", file=ContentFile(b"x", name="m.txt")
    )

    meeting.refresh_from_db()
    assert late.position == 2
    assert meeting.added_late(late.added_at) and not meeting.added_late(early.added_at)
    chair_notices = list(Notice.objects.filter(user=collegium.chair).order_by("pk"))
    assert len(chair_notices) == 2
    assert "Дополнительный вопрос" in chair_notices[0].text_ru and "Кошумча маселе" in chair_notices[0].text_ky
    client.force_login(collegium.chair)
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert page.count("добавлен после рассылки повестки") == 2  # the late item and the late material


def test_the_agenda_is_sent_once_and_never_empty_nor_for_a_held_or_cancelled_meeting(collegium):
    empty = services.meeting_schedule(
        actor=collegium.secretary, body=collegium.body, starts_at=_in_days(10), place="Зал"
    )
    with pytest.raises(ValidationError, match="no items"):
        services.agenda_send(actor=collegium.secretary, meeting=empty)

    meeting = collegium.meeting(when=_in_days(10))
    services.agenda_send(actor=collegium.secretary, meeting=meeting)
    with pytest.raises(ValidationError, match="already been sent"):
        services.agenda_send(actor=collegium.secretary, meeting=meeting)

    held = collegium.held()
    for call in (
        lambda: services.agenda_send(actor=collegium.secretary, meeting=held),
        lambda: services.item_add(actor=collegium.secretary, meeting=held, title_ky="а", title_ru="б"),
        lambda: services.meeting_cancel(actor=collegium.secretary, meeting=held, reason_ky="а", reason_ru="б"),
    ):
        with pytest.raises(ValidationError, match="already been held"):
            call()


def test_only_the_chair_or_the_secretary_prepares_the_meeting(collegium):
    meeting = collegium.meeting(when=_in_days(10))
    for user in (collegium.deputy, collegium.outsider):
        with pytest.raises(PermissionDenied):
            services.agenda_send(actor=user, meeting=meeting)
        with pytest.raises(PermissionDenied):
            services.item_add(actor=user, meeting=meeting, title_ky="а", title_ru="б")
        with pytest.raises(PermissionDenied):
            services.invitee_add(actor=user, meeting=meeting, name="Бирөө")
        with pytest.raises(PermissionDenied):
            services.meeting_cancel(actor=user, meeting=meeting, reason_ky="а", reason_ru="б")
    meeting.refresh_from_db()
    assert meeting.agenda_sent_at is None and meeting.status == MeetingStatus.PLANNED
    assert meeting.items.count() == 1 and not meeting.invitees.exists()


def test_cancelling_needs_both_reasons_then_tells_the_members_and_nothing_more_can_happen(collegium):
    meeting = collegium.meeting(when=_in_days(10))
    with pytest.raises(ValidationError):
        services.meeting_cancel(actor=collegium.chair, meeting=meeting, reason_ky="Төраганын сапары", reason_ru=" ")
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED

    services.meeting_cancel(
        actor=collegium.chair, meeting=meeting, reason_ky="Төраганын сапары", reason_ru="Командировка председателя"
    )

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    notice = Notice.objects.get(user=collegium.secretary)
    assert "Төраганын сапары" in notice.text_ky and "Командировка председателя" in notice.text_ru
    with pytest.raises(ValidationError, match="cancelled"):
        services.attendance_register(actor=collegium.secretary, meeting=meeting, present=collegium.members)
    with pytest.raises(ValidationError, match="cancelled"):
        services.agenda_send(actor=collegium.secretary, meeting=meeting)
    assert meeting not in selectors.upcoming_meetings(collegium.chair)


def test_the_portal_cancels_only_with_the_confirmation_box(client, collegium):
    meeting = collegium.meeting(when=_in_days(10))
    client.force_login(collegium.secretary)
    reasons = {"reason_ky": "Себеп", "reason_ru": "Причина"}

    client.post(f"/ru/members/meetings/{meeting.pk}/cancel/", reasons)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.PLANNED

    client.post(f"/ru/members/meetings/{meeting.pk}/cancel/", {**reasons, "confirm": "1"})
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.CANCELLED
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert "Заседание отменено." in page and "Причина" in page


def test_a_member_who_does_not_run_the_meeting_cannot_send_or_cancel_from_the_portal(client, collegium):
    meeting = collegium.meeting(when=_in_days(10))
    client.force_login(collegium.deputy)
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert "Разослать повестку членам" not in page
    client.post(f"/ru/members/meetings/{meeting.pk}/agenda/send/")
    client.post(f"/ru/members/meetings/{meeting.pk}/cancel/", {"reason_ky": "а", "reason_ru": "б", "confirm": "1"})
    client.post(f"/ru/members/meetings/{meeting.pk}/items/add/", {"title_ky": "а", "title_ru": "б"})
    meeting.refresh_from_db()
    assert meeting.agenda_sent_at is None and meeting.status == MeetingStatus.PLANNED and meeting.items.count() == 1

    client.force_login(collegium.outsider)
    assert client.post(f"/ru/members/meetings/{meeting.pk}/agenda/send/").status_code == 404


def test_invitees_are_listed_on_the_page_and_in_the_minutes(client, collegium):
    meeting = collegium.meeting(when=_in_days(10))
    other = collegium.meeting(when=_in_days(20))
    with pytest.raises(ValidationError):
        services.invitee_add(actor=collegium.secretary, meeting=meeting, name="Бирөө", item=other.items.get())
    services.invitee_add(actor=collegium.secretary, meeting=meeting, name="А. Жумабаева", post="Министрлик")

    client.force_login(collegium.chair)
    assert "А. Жумабаева, Министрлик" in client.get(f"/ky/members/meetings/{meeting.pk}/").content.decode()
    record = selectors.minutes_record(meeting)
    assert record["invited"] == ["А. Жумабаева, Министрлик"]

    document = Document(io.BytesIO(build_minutes(record, Letterhead(name_ky="", name_ru=""), "1")))
    texts = [paragraph.text for paragraph in document.paragraphs]
    assert "Чакырылгандар: А. Жумабаева, Министрлик" in texts
    assert "Приглашённые: А. Жумабаева, Министрлик" in texts


def test_an_item_needs_both_titles_and_an_invitee_a_name(client, collegium):
    meeting = collegium.meeting(when=_in_days(10))
    with pytest.raises(ValidationError):
        services.item_add(actor=collegium.secretary, meeting=meeting, title_ky="Маселе", title_ru="  ")
    with pytest.raises(ValidationError):
        services.invitee_add(actor=collegium.secretary, meeting=meeting, name="  ")
    client.force_login(collegium.secretary)
    client.post(f"/ru/members/meetings/{meeting.pk}/items/add/", {"title_ky": "Маселе", "title_ru": ""})
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert "Укажите название вопроса и на кыргызском, и на русском." in page
    assert meeting.items.count() == 1 and not meeting.invitees.exists()
