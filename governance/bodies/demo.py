"""The demo's collegial bodies: the collegium (a valid composition of five), the Public Council and
a working group; a held collegium meeting with votes, registered decisions, an instruction and
signed minutes, and an upcoming meeting with its agenda open. Loaded once: a second run finds the
collegium and leaves everything as it is."""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from governance.bodies import services
from governance.bodies.enums import Basis, BodyKind, MemberRole
from governance.bodies.models import Body, Recommendation
from governance.staff.models import PostHolding

BODIES = [
    # code, kind, Kyrgyz name, Russian name, seats: (username, role, basis, extra)
    (
        "collegium",
        BodyKind.COLLEGIUM,
        "Мамлекеттик миграция кызматынын коллегиясы",
        "Коллегия Государственной службы миграции",
        [
            ("chairman", MemberRole.CHAIR, Basis.EX_OFFICIO, {"post": "chairman"}),
            ("deputy_chairman", MemberRole.DEPUTY_CHAIR, Basis.EX_OFFICIO, {"post": "deputy_chairman"}),
            ("state_secretary", MemberRole.MEMBER, Basis.EX_OFFICIO, {"post": "state_secretary"}),
            ("collegium_member", MemberRole.MEMBER, Basis.PRIME_MINISTER, {"represents_government_office": True}),
            ("collegium_secretary", MemberRole.SECRETARY, Basis.PRIME_MINISTER, {}),
        ],
    ),
    (
        "public-council",
        BodyKind.PUBLIC_COUNCIL,
        "Мамлекеттик миграция кызматынын алдындагы Коомдук кеңеш",
        "Общественный совет при Государственной службе миграции",
        [
            ("public_council_member", MemberRole.CHAIR, Basis.ORDER, {}),
            ("records_officer", MemberRole.SECRETARY, Basis.ORDER, {}),
            ("editor", MemberRole.MEMBER, Basis.ORDER, {}),
        ],
    ),
    (
        "labour-quota-group",
        BodyKind.WORKING_GROUP,
        "Эмгек миграциясынын квотасы боюнча жумушчу топ",
        "Рабочая группа по квоте трудовой миграции",
        [
            ("head_of_subdivision", MemberRole.CHAIR, Basis.ORDER, {}),
            ("hr_officer", MemberRole.SECRETARY, Basis.ORDER, {}),
            ("records_officer", MemberRole.MEMBER, Basis.ORDER, {}),
        ],
    ),
]


def load() -> list[Body]:
    if Body.objects.filter(code="collegium").exists():
        return list(Body.objects.all())
    users = {user.username: user for user in get_user_model().objects.all()}
    admin = users["admin"]
    today = timezone.localdate()
    term_start = today - datetime.timedelta(days=365)
    bodies = {}
    for code, kind, name_ky, name_ru, seats in BODIES:
        body = services.body_create(
            actor=admin, kind=kind, code=code, name_ky=name_ky, name_ru=name_ru, term_start=term_start
        )
        for username, role, basis, extra in seats:
            if basis == Basis.EX_OFFICIO:  # the seat follows the post its holder has in the staffing table
                extra = {**extra, "position": _position_of(users[username], today)}
            services.membership_add(
                actor=admin, body=body, user=users[username], role=role, basis=basis, starts_on=term_start, **extra
            )
        bodies[code] = body
    _collegium_meetings(bodies["collegium"], users)
    _council_recommendations(bodies["public-council"], users)
    return list(bodies.values())


def _position_of(user, day):
    holding = PostHolding.objects.on(day).filter(employee__user=user, acting=False).select_related("position").first()
    return holding.position if holding else None


def _council_recommendations(council: Body, users: dict) -> None:
    """One recommendation answered by the agency and published, one awaiting its response."""
    secretary = users["records_officer"]
    today = timezone.localdate()
    answered = services.recommendation_save(
        actor=secretary,
        recommendation=Recommendation(
            body=council,
            adopted_on=today - datetime.timedelta(days=40),
            subject_ky="Эмгек мигранттары үчүн ишеним телефонун иштетүү жөнүндө",
            subject_ru="О работе телефона доверия для трудовых мигрантов",
            text_ky="Ишеним телефону дем алыш күндөрү да иштесин жана орус, кыргыз тилдеринде жооп берсин.",
            text_ru="Телефону доверия работать и в выходные дни и отвечать на кыргызском и русском языках.",
        ),
    )
    answered = services.recommendation_answer(
        actor=users["chairman"],
        recommendation=answered,
        response_ky="Сунуш кабыл алынды: 1-декабрдан тартып ишеним телефону жумасына жети күн иштейт.",
        response_ru="Рекомендация принята: с 1 декабря телефон доверия работает семь дней в неделю.",
    )
    services.recommendation_publish(actor=secretary, recommendation=answered)
    services.recommendation_save(
        actor=secretary,
        recommendation=Recommendation(
            body=council,
            adopted_on=today - datetime.timedelta(days=5),
            subject_ky="Кайрылуулардын статистикасын ай сайын жарыялоо жөнүндө",
            subject_ru="О ежемесячной публикации статистики обращений",
            text_ky="Жарандардын кайрылууларынын статистикасы сайтта ай сайын жарыялансын.",
            text_ru="Публиковать статистику обращений граждан на сайте ежемесячно.",
        ),
    )


def _collegium_meetings(collegium: Body, users: dict) -> None:
    secretary, chairman = users["collegium_secretary"], users["chairman"]
    members = [users[name] for name in ("chairman", "deputy_chairman", "state_secretary", "collegium_member")]
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    held = services.meeting_schedule(
        actor=secretary,
        body=collegium,
        starts_at=now - datetime.timedelta(days=30),
        place="Бишкек ш., Кызматтын жыйындар залы",
        items=[
            (
                "Эмгек мигранттарын каттоонун жыйынтыктары жөнүндө",
                "Об итогах регистрации трудовых мигрантов",
                users["deputy_chairman"],
            ),
            (
                "Ведомстволук сыйлыкка көрсөтүү жөнүндө",
                "О представлении к ведомственной награде",
                users["state_secretary"],
            ),
        ],
    )
    report, award = held.items.order_by("position")
    services.material_add(
        actor=secretary,
        item=report,
        title="Каттоонун жыйынтыктары боюнча маалымкат",
        file=ContentFile("Каттоонун жыйынтыктары.\n".encode(), name="report.txt"),
    )
    services.declaration_add(actor=users["collegium_member"], item=award, reason="Сунушталган адам менин тууганым.")
    services.attendance_register(actor=secretary, meeting=held, present=members)
    first = services.poll_open(actor=secretary, item=report)
    for member in members:
        services.vote_cast(actor=member, poll=first, choice="for")
    first = services.poll_close(actor=secretary, poll=first)
    second = services.poll_open(actor=secretary, item=award, secret=True)
    for member, choice in zip(members[:3], ["for", "for", "abstain"], strict=True):
        services.vote_cast(actor=member, poll=second, choice=choice)
    second = services.poll_close(actor=secretary, poll=second)
    decision = services.decision_draft(
        actor=secretary,
        item=report,
        poll=first,
        text_ky="Маалымат эске алынсын. Каттоону тездетүү боюнча сунуштар бир айдын ичинде даярдалсын.",
        text_ru="Информацию принять к сведению. Предложения по ускорению регистрации подготовить в месячный срок.",
    )
    decision = services.decision_register(actor=secretary, decision=decision)
    services.decision_instruct(
        actor=chairman,
        decision=decision,
        text="Каттоону тездетүү боюнча сунуштарды даярдоо.",
        executor=users["head_of_subdivision"],
        controller=users["deputy_chairman"],
        deadline=timezone.localdate() + datetime.timedelta(days=21),
    )
    award_decision = services.decision_draft(
        actor=secretary,
        item=award,
        poll=second,
        text_ky="Кызматтын Ардак грамотасына көрсөтүү колдоого алынсын.",
        text_ru="Поддержать представление к Почётной грамоте Службы.",
    )
    services.decision_register(actor=secretary, decision=award_decision)
    minutes = services.minutes_draft(actor=secretary, meeting=held)
    minutes = services.minutes_sign(actor=secretary, minutes=minutes)
    services.minutes_sign(actor=chairman, minutes=minutes)

    upcoming = services.meeting_schedule(
        actor=secretary,
        body=collegium,
        starts_at=now + datetime.timedelta(days=7),
        place="Бишкек ш., Кызматтын жыйындар залы",
        online_link="https://meet.kyzmat.example/collegium",
        items=[
            (
                "Чет өлкөлүк жумушчу күчүн тартуунун 2027-жылга квотасынын долбоору жөнүндө",
                "О проекте квоты на привлечение иностранной рабочей силы на 2027 год",
                users["deputy_chairman"],
            )
        ],
    )
    services.material_add(
        actor=secretary,
        item=upcoming.items.order_by("position").last(),
        title="Квотанын долбоору",
        file=ContentFile("Квотанын долбоору.\n".encode(), name="quota.txt"),
    )
    services.invitee_add(
        actor=secretary,
        meeting=upcoming,
        name="А. Жумабаева",
        post="Эмгек, социалдык камсыздоо жана миграция министрлиги",
        item=upcoming.items.order_by("position").last(),
    )
    services.agenda_send(actor=secretary, meeting=upcoming)
