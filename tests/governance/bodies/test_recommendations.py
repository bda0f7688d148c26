"""The Public Council's recommendations: recorded by the council, answered by the agency's
leadership, closed and published by the council; the public reads only what was published."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documents import workdays
from documents.instructions import selectors as instruction_selectors
from documents.instructions.enums import DeadlineUnit, InstructionStatus
from documents.instructions.models import Instruction
from documents.models import Notice
from governance.bodies import services
from governance.bodies.enums import BodyKind, RecommendationStatus
from governance.bodies.models import Recommendation
from tests.factories import UserFactory
from tests.governance.bodies.factories import Collegium

pytestmark = pytest.mark.django_db

LETTERS = {"subject_ky": "а", "subject_ru": "б", "text_ky": "в", "text_ru": "г"}


@pytest.fixture
def council(roles):
    return Collegium(code="council", kind=BodyKind.PUBLIC_COUNCIL)


@pytest.fixture
def chairman(roles):
    return UserFactory(username="the-chairman", roles=["chairman"])


def _record(council, subject="Ишеним телефону жөнүндө", **fields):
    values = {
        "body": council.body,
        "adopted_on": timezone.localdate() - datetime.timedelta(days=2),
        "subject_ky": subject,
        "subject_ru": "О телефоне доверия",
        "text_ky": "Ишеним телефону дем алыш күндөрү да иштесин.",
        "text_ru": "Телефону доверия работать и в выходные.",
        **fields,
    }
    return services.recommendation_save(actor=council.secretary, recommendation=Recommendation(**values))


def test_the_council_records_a_numbered_recommendation_and_the_leadership_is_told(council, chairman):
    first = _record(council)
    second = _record(council, subject="Экинчи сунуш")

    assert (first.number, second.number) == (1, 2)
    assert first.number_display == f"1/{timezone.localdate().year}"
    assert first.response_due_on == workdays.compute_deadline(
        base=first.adopted_on, count=30, unit=DeadlineUnit.CALENDAR_DAYS
    )
    assert first.status == RecommendationStatus.ADOPTED
    notice = Notice.objects.filter(user=chairman).order_by("pk").first()
    assert "Ишеним телефону жөнүндө" in notice.text_ky and "О телефоне доверия" in notice.text_ru
    assert notice.url == f"/admin/snippets/bodies/recommendation/inspect/{first.pk}/"


def test_who_does_not_run_the_council_records_nothing_and_only_a_council_recommends(council, chairman):
    collegium = Collegium()
    for actor in (council.deputy, council.outsider, chairman):
        with pytest.raises(PermissionDenied):
            services.recommendation_save(
                actor=actor,
                recommendation=Recommendation(
                    body=council.body,
                    adopted_on=timezone.localdate(),
                    subject_ky="а",
                    subject_ru="б",
                    text_ky="в",
                    text_ru="г",
                ),
            )
    with pytest.raises(ValidationError, match="Only the Public Council"):
        services.recommendation_save(
            actor=collegium.secretary,
            recommendation=Recommendation(
                body=collegium.body,
                adopted_on=timezone.localdate(),
                subject_ky="а",
                subject_ru="б",
                text_ky="в",
                text_ru="г",
            ),
        )
    with pytest.raises(ValidationError):
        _record(council, text_ru="  ")
    with pytest.raises(ValidationError, match="future"):
        _record(council, adopted_on=timezone.localdate() + datetime.timedelta(days=1))
    assert not Recommendation.objects.exists()


def test_the_leadership_answers_in_both_languages_then_the_council_closes(council, chairman):
    recommendation = _record(council)
    with pytest.raises(PermissionDenied):
        services.recommendation_answer(
            actor=council.chair, recommendation=recommendation, response_ky="Макул", response_ru="Согласны"
        )
    with pytest.raises(ValidationError):
        services.recommendation_answer(
            actor=chairman, recommendation=recommendation, response_ky="Макул", response_ru=""
        )
    with pytest.raises(ValidationError):  # nothing to close before the answer
        services.recommendation_close(actor=council.secretary, recommendation=recommendation)

    answered = services.recommendation_answer(
        actor=chairman, recommendation=recommendation, response_ky="Кабыл алынды.", response_ru="Принята."
    )

    assert answered.status == RecommendationStatus.ANSWERED and answered.answered_by == chairman
    assert Notice.objects.filter(user=council.secretary, text_ru__contains="ответила").exists()
    with pytest.raises(ValidationError, match="not changed"):
        answered.text_ru = "Другой текст"
        services.recommendation_save(actor=council.secretary, recommendation=answered)
    closed = services.recommendation_close(actor=council.secretary, recommendation=answered)
    assert closed.status == RecommendationStatus.CLOSED
    with pytest.raises(ValidationError):
        services.recommendation_answer(actor=chairman, recommendation=closed, response_ky="а", response_ru="б")


def test_only_an_answered_recommendation_is_published_and_the_public_reads_it_in_both_languages(
    client, council, chairman
):
    waiting = _record(council, subject="Жооп күткөн сунуш")
    with pytest.raises(ValidationError):
        services.recommendation_publish(actor=council.secretary, recommendation=waiting)
    answered = services.recommendation_answer(
        actor=chairman, recommendation=_record(council), response_ky="Кабыл алынды.", response_ru="Принята."
    )
    with pytest.raises(PermissionDenied):
        services.recommendation_publish(actor=council.deputy, recommendation=answered)

    services.recommendation_publish(actor=council.secretary, recommendation=answered)
    with pytest.raises(ValidationError, match="already published"):
        services.recommendation_publish(actor=council.secretary, recommendation=answered)

    ky = client.get("/ky/public-council/").content.decode()
    ru = client.get("/ru/public-council/").content.decode()
    assert "Ишеним телефону жөнүндө" in ky and "Кабыл алынды." in ky
    assert "О телефоне доверия" in ru and "Принята." in ru
    assert "Жооп күткөн сунуш" not in ky  # recorded, not answered, not published
    assert 'href="/ru/public-council/"' in ru  # every page's footer links it


def test_the_admin_lists_recommendations_to_the_leadership_and_the_council_only(client, council, chairman):
    recommendation = _record(council)
    stranger = UserFactory(username="stranger", roles=["records_officer"])
    url = "/admin/snippets/bodies/recommendation/"

    client.force_login(chairman)
    assert recommendation.subject_ky in client.get(url).content.decode()
    inspect = client.get(f"{url}inspect/{recommendation.pk}/").content.decode()
    assert "Кызматтын жообун берүү" in inspect or "Дать ответ службы" in inspect or "agency's response" in inspect

    client.force_login(stranger)
    assert recommendation.subject_ky not in client.get(url, follow=True).content.decode()
    response = client.get(f"{url}inspect/{recommendation.pk}/")
    assert response.status_code in (302, 403, 404)
    assert (
        recommendation.subject_ky not in client.get(f"{url}inspect/{recommendation.pk}/", follow=True).content.decode()
    )


@pytest.fixture
def state_secretary(roles):
    return UserFactory(username="the-state-secretary", roles=["state_secretary"])


def test_the_response_is_an_instruction_due_in_the_councils_working_days_that_the_answer_closes(
    council, chairman, state_secretary
):
    council.body.response_days, council.body.response_working_days = 10, True
    council.body.save()
    recommendation = _record(council)
    due = workdays.compute_deadline(base=recommendation.adopted_on, count=10, unit=DeadlineUnit.WORKING_DAYS)
    assert recommendation.response_due_on == due

    instruction = Instruction.objects.for_subject(recommendation).get()
    assert (instruction.executor, instruction.controller, instruction.deadline) == (chairman, state_secretary, due)
    assert (instruction.deadline_unit, instruction.deadline_days) == (DeadlineUnit.WORKING_DAYS, 10)
    assert "№ " + recommendation.number_display in instruction.title
    # unanswered after its deadline, it stands out on the desk like any instruction
    assert instruction in instruction_selectors.overdue(due + datetime.timedelta(days=1))
    assert instruction in instruction_selectors.mine(chairman)

    services.recommendation_answer(
        actor=chairman, recommendation=recommendation, response_ky="Иштей баштады.", response_ru="Начал работать."
    )
    instruction.refresh_from_db()
    assert (instruction.status, instruction.done_on) == (InstructionStatus.DONE, timezone.localdate())
    assert instruction.reports.get().text in ("Иштей баштады.", "Начал работать.")
    assert instruction not in instruction_selectors.overdue(due + datetime.timedelta(days=1))


def test_a_response_already_late_when_recorded_is_due_today_and_a_correction_keeps_the_deadline(
    council, chairman, state_secretary
):
    recommendation = _record(council, adopted_on=timezone.localdate() - datetime.timedelta(days=60))
    assert recommendation.overdue
    instruction = Instruction.objects.for_subject(recommendation).get()
    assert instruction.deadline == workdays.on_working_day(timezone.localdate())

    recommendation.adopted_on = timezone.localdate() - datetime.timedelta(days=1)
    services.recommendation_save(actor=council.secretary, recommendation=recommendation)
    recommendation.refresh_from_db()
    assert recommendation.response_due_on < timezone.localdate()
    assert Instruction.objects.for_subject(recommendation).count() == 1


def test_an_answer_refused_leaves_the_instruction_open(council, chairman, state_secretary):
    recommendation = _record(council)
    with pytest.raises(ValidationError):
        services.recommendation_answer(actor=chairman, recommendation=recommendation, response_ky="а", response_ru="")
    assert Instruction.objects.for_subject(recommendation).get().status == InstructionStatus.ISSUED
