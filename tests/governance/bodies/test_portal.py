import pytest
from django.core.files.base import ContentFile

from governance.bodies import services
from governance.bodies.models import Decision, Minutes, OpenVote
from tests.governance.bodies.factories import Collegium

pytestmark = pytest.mark.django_db


@pytest.fixture
def collegium():
    return Collegium()


def _material(collegium, meeting):
    item = meeting.items.get()
    return services.material_add(
        actor=collegium.secretary, item=item, title="Жашыруун маалымкат", file=ContentFile(b"%PDF-1.4", name="m.pdf")
    )


def test_anonymous_readers_are_sent_to_sign_in(client, collegium):
    meeting = collegium.meeting()
    for path in ("/ky/members/", f"/ky/members/meetings/{meeting.pk}/"):
        response = client.get(path)
        assert response.status_code == 302 and "login" in response["Location"]


def test_a_non_member_finds_neither_the_meeting_nor_its_materials(client, collegium):
    meeting = collegium.meeting()
    material = _material(collegium, meeting)
    client.force_login(collegium.outsider)
    assert client.get(f"/ky/members/meetings/{meeting.pk}/").status_code == 404
    assert client.get(f"/ky/members/materials/{material.pk}/").status_code == 404
    assert "Жашыруун маалымкат" not in client.get("/ky/members/").content.decode()


def test_a_member_reads_the_agenda_and_materials_in_both_languages(client, collegium, django_assert_max_num_queries):
    meeting = collegium.meeting()
    material = _material(collegium, meeting)
    client.force_login(collegium.deputy)
    with django_assert_max_num_queries(40):
        home = client.get("/ky/members/").content.decode()
    assert "Коллегия collegium" in home
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert "Первый вопрос" in page and "Жашыруун маалымкат" in page
    assert "Биринчи маселе" in client.get(f"/ky/members/meetings/{meeting.pk}/").content.decode()
    response = client.get(f"/ky/members/materials/{material.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4"


def test_a_recused_member_does_not_get_the_items_materials(client, collegium):
    meeting = collegium.meeting()
    material = _material(collegium, meeting)
    client.force_login(collegium.government)
    client.post(f"/ky/members/items/{meeting.items.get().pk}/declare/", {"reason": "Тууганым"})
    assert client.get(f"/ky/members/materials/{material.pk}/").status_code == 404
    assert "Жашыруун маалымкат" not in client.get(f"/ky/members/meetings/{meeting.pk}/").content.decode()


def test_the_secretary_runs_the_vote_and_the_member_sees_the_result_after_it_closes(client, collegium):
    meeting = collegium.meeting()
    item = meeting.items.get()
    client.force_login(collegium.secretary)
    client.post(f"/ky/members/meetings/{meeting.pk}/attendance/", {"present": [m.pk for m in collegium.members]})
    client.post(f"/ky/members/items/{item.pk}/vote/")
    poll = item.polls.get()

    client.force_login(collegium.deputy)
    client.post(f"/ky/members/votes/{poll.pk}/", {"choice": "for"})
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert "Результаты показываются после закрытия голосования." in page
    assert OpenVote.objects.get().choice == "for"

    assert client.post(f"/ky/members/votes/{poll.pk}/close/").status_code == 302  # refused: not the secretary
    poll.refresh_from_db()
    assert poll.is_open

    client.force_login(collegium.secretary)
    client.post(f"/ky/members/votes/{poll.pk}/close/")
    client.force_login(collegium.deputy)
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert "Не принято" in page and "За: 1, против: 0, воздержались: 0." in page


def test_bad_input_gets_a_message_and_changes_nothing(client, collegium):
    meeting = collegium.held()
    poll = services.poll_open(actor=collegium.secretary, item=meeting.items.get())
    client.force_login(collegium.deputy)
    response = client.post(f"/ru/members/votes/{poll.pk}/", {"choice": "maybe"}, follow=True)
    assert "Выберите «за», «против» или «воздержался»." in response.content.decode()
    response = client.post(f"/ru/members/meetings/{meeting.pk}/attendance/", {"present": ["x", "1"]}, follow=True)
    assert response.status_code == 200
    assert not OpenVote.objects.exists()


def test_signed_minutes_and_a_decision_extract_download_for_members_only(client, collegium):
    other = Collegium(code="council")
    meeting = collegium.held()
    item = meeting.items.get()
    poll = services.poll_open(actor=collegium.secretary, item=item)
    for member in collegium.members:
        services.vote_cast(actor=member, poll=poll, choice="for")
    poll = services.poll_close(actor=collegium.secretary, poll=poll)
    decision = services.decision_draft(actor=collegium.secretary, item=item, poll=poll, text_ky="Ооба", text_ru="Да")
    decision = services.decision_register(actor=collegium.secretary, decision=decision)
    minutes = services.minutes_draft(actor=collegium.secretary, meeting=meeting)
    services.minutes_sign(actor=collegium.secretary, minutes=minutes)
    services.minutes_sign(actor=collegium.chair, minutes=minutes)
    paths = [f"/ky/members/minutes/{minutes.pk}/docx/", f"/ky/members/decisions/{decision.pk}/docx/"]

    client.force_login(collegium.deputy)
    page = client.get(f"/ru/members/meetings/{meeting.pk}/").content.decode()
    assert "Решение № 1" in page and "Протокол № 1 подписан." in page
    assert [client.get(path).status_code for path in paths] == [200, 200]
    for reader in (collegium.outsider, other.chair):
        client.force_login(reader)
        assert [client.get(path).status_code for path in paths] == [404, 404]
    client.logout()
    assert all("login" in client.get(path)["Location"] for path in paths)


def test_the_secretary_registers_the_decision_and_the_minutes_are_signed_from_the_portal(client, collegium):
    meeting = collegium.held()
    item = meeting.items.get()
    poll = services.poll_open(actor=collegium.secretary, item=item)
    services.vote_cast(actor=collegium.chair, poll=poll, choice="for")
    services.vote_cast(actor=collegium.deputy, poll=poll, choice="for")
    services.vote_cast(actor=collegium.government, poll=poll, choice="for")
    services.poll_close(actor=collegium.secretary, poll=poll)

    client.force_login(collegium.deputy)  # a member who does not run the meeting: refused, nothing changes
    client.post(f"/ru/members/items/{item.pk}/decision/", {"text_ky": "А", "text_ru": "Б"})
    client.post(f"/ru/members/meetings/{meeting.pk}/minutes/", {"action": "draft"})
    assert not Decision.objects.exists() and not Minutes.objects.exists()

    client.force_login(collegium.secretary)
    response = client.post(f"/ru/members/items/{item.pk}/decision/", {"text_ky": "", "text_ru": "Б"}, follow=True)
    assert "Решению нужны тексты на кыргызском и русском языках." in response.content.decode()
    client.post(f"/ru/members/items/{item.pk}/decision/", {"text_ky": "Бекитилсин.", "text_ru": "Утвердить."})
    client.post(f"/ru/members/meetings/{meeting.pk}/minutes/", {"action": "draft"})
    client.post(f"/ru/members/meetings/{meeting.pk}/minutes/", {"action": "sign"})
    client.force_login(collegium.chair)
    client.post(f"/ru/members/meetings/{meeting.pk}/minutes/", {"action": "sign"})

    assert Decision.objects.get().number == 1
    assert Minutes.objects.get().status == "signed"
