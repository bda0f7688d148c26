import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from docx import Document

from documents import registration
from documents.instructions.models import Instruction
from governance.bodies import selectors, services
from governance.bodies.models import Decision, FrozenDecisionError, FrozenMinutesError
from tests.governance.bodies.factories import Collegium

pytestmark = pytest.mark.django_db


def _texts(field_file) -> str:
    with field_file.open("rb") as stored:
        return "\n".join(p.text for p in Document(io.BytesIO(stored.read())).paragraphs)


def _adopted(collegium, secret=False, recused=None):
    meeting = collegium.held()
    item = meeting.items.get()
    if recused is not None:
        services.declaration_add(actor=recused, item=item, reason="Тууганым")
    poll = services.poll_open(actor=collegium.secretary, item=item, secret=secret)
    for member in collegium.members:
        if member != recused:
            services.vote_cast(actor=member, poll=poll, choice="for")
    return meeting, item, services.poll_close(actor=collegium.secretary, poll=poll)


def test_a_decision_is_numbered_per_body_and_year_and_frozen_with_its_extract():
    collegium = Collegium()
    _, item, poll = _adopted(collegium)
    decision = services.decision_draft(
        actor=collegium.secretary, item=item, poll=poll, text_ky="Маалымат эске алынсын.", text_ru="Принять к сведению."
    )
    decision = services.decision_register(actor=collegium.secretary, decision=decision)
    assert (decision.number, decision.status) == (1, "registered")
    text = _texts(decision.document)
    assert "ПРОТОКОЛДОН КӨЧҮРМӨ" in text and "ЧЕЧИМ № 1" in text and "Принять к сведению." in text
    assert registration.verify(decision).ok

    decision.text_ru = "Другой текст"
    with pytest.raises(FrozenDecisionError):
        decision.save()
    other = Collegium(code="other")
    _, other_item, other_poll = _adopted(other)
    second = services.decision_draft(actor=other.secretary, item=other_item, poll=other_poll, text_ky="А", text_ru="Б")
    assert services.decision_register(actor=other.secretary, decision=second).number == 1  # its own series


def test_a_decision_the_vote_did_not_adopt_is_not_registered_and_instructions_follow_a_registered_one():
    collegium = Collegium()
    meeting = collegium.held()
    item = meeting.items.get()
    poll = services.poll_close(actor=collegium.secretary, poll=services.poll_open(actor=collegium.secretary, item=item))
    decision = services.decision_draft(actor=collegium.secretary, item=item, poll=poll, text_ky="А", text_ru="Б")
    with pytest.raises(ValidationError, match="adopted"):
        services.decision_register(actor=collegium.secretary, decision=decision)
    with pytest.raises(ValidationError):
        services.decision_instruct(
            actor=collegium.admin,
            decision=decision,
            text="Аткаруу",
            executor=collegium.deputy,
            controller=collegium.secretary,
            deadline=meeting.starts_at.date(),
        )
    assert Decision.objects.get().number is None and not Instruction.objects.exists()


def test_minutes_signed_by_chair_and_secretary_print_attendance_quorum_recusals_votes_and_decisions():
    collegium = Collegium()
    meeting, item, poll = _adopted(collegium, secret=True, recused=collegium.government)
    decision = services.decision_draft(
        actor=collegium.secretary, item=item, poll=poll, text_ky="Бекитилсин.", text_ru="Утвердить."
    )
    services.decision_register(actor=collegium.secretary, decision=decision)
    minutes = services.minutes_draft(actor=collegium.secretary, meeting=meeting)
    minutes = services.minutes_sign(actor=collegium.secretary, minutes=minutes)
    assert minutes.status == "draft" and not minutes.document
    with pytest.raises(PermissionDenied):
        services.minutes_sign(actor=collegium.deputy, minutes=minutes)
    minutes = services.minutes_sign(actor=collegium.chair, minutes=minutes)
    assert (minutes.status, minutes.number) == ("signed", 1)

    text = _texts(minutes.document)
    assert "ПРОТОКОЛ № 1" in text and "Присутствовали" in text and "Катышкандар" in text
    assert "Кворум: имеется (присутствовали 5 из 5 членов)." in text
    assert "конфликтом интересов: Gov Тестов." in text
    assert "Голосование (тайное)." in text
    assert "За — 4, против — 0, воздержались — 0. Правило: большинство присутствующих членов. Итог: принято." in text
    assert "Кто может связать голоса с голосовавшими: Никто" in text
    assert "РЕШИЛИ (№ 1):" in text and "Утвердить." in text
    assert "Председатель: Chair Тестов" in text
    with pytest.raises(FrozenMinutesError):
        services.minutes_draft(actor=collegium.secretary, meeting=meeting)


def test_minutes_wait_for_every_vote_to_close():
    collegium = Collegium()
    meeting = collegium.held()
    services.poll_open(actor=collegium.secretary, item=meeting.items.get())
    with pytest.raises(ValidationError, match="Close every vote"):
        services.minutes_draft(actor=collegium.secretary, meeting=meeting)


def test_the_next_meeting_sees_the_execution_of_earlier_decisions_overdue_first():
    collegium = Collegium()
    meeting, item, poll = _adopted(collegium)
    decision = services.decision_draft(actor=collegium.secretary, item=item, poll=poll, text_ky="А", text_ru="Б")
    decision = services.decision_register(actor=collegium.secretary, decision=decision)
    today = timezone.localdate()
    for text, days in (("Кийинки", 30), ("Мөөнөтү өттү", 10)):
        services.decision_instruct(
            actor=collegium.admin,
            decision=decision,
            text=text,
            executor=collegium.deputy,
            controller=collegium.secretary,
            deadline=today + datetime.timedelta(days=days),
        )
    Instruction.objects.filter(text="Мөөнөтү өттү").update(deadline=today - datetime.timedelta(days=1))
    following = collegium.meeting(when=meeting.starts_at + datetime.timedelta(days=30))

    report = selectors.execution_report(following)
    assert [(line.instruction.text, line.overdue) for line in report] == [("Мөөнөтү өттү", True), ("Кийинки", False)]
    assert selectors.execution_report(meeting) == []


def test_the_extract_and_the_next_agenda_date_a_meeting_held_after_midnight_by_the_local_day():
    # 20:30 UTC on 10 March is 02:30 on 11 March in Bishkek
    collegium = Collegium()
    night = datetime.datetime(2026, 3, 10, 20, 30, tzinfo=datetime.UTC)
    meeting = collegium.held(when=night)
    item = meeting.items.get()
    poll = services.poll_open(actor=collegium.secretary, item=item)
    for member in collegium.members:
        services.vote_cast(actor=member, poll=poll, choice="for")
    poll = services.poll_close(actor=collegium.secretary, poll=poll)
    decision = services.decision_draft(actor=collegium.secretary, item=item, poll=poll, text_ky="А", text_ru="Б")
    decision = services.decision_register(actor=collegium.secretary, decision=decision)

    text = _texts(decision.document)
    assert "11.03.2026, Бишкек" in text and "10.03.2026" not in text
    following = collegium.meeting(when=night + datetime.timedelta(days=7))
    first = following.items.order_by("position").first()
    assert "11.03.2026" in first.title_ru and "11.03.2026" in first.title_ky
