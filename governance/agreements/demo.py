"""The demo's international agreements, at several stages: one under negotiation with two rounds,
one signed and awaiting ratification, two public agreements in force (one whose notice deadline
comes in three weeks, so the dashboard shows it), and one terminated. Our own texts. Loaded once:
a second run finds the agreements and leaves them as they are."""

import datetime

from dateutil.relativedelta import relativedelta
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from governance.agreements import services
from governance.agreements.enums import AgreementKind, PartyKind
from governance.agreements.models import Agreement, AgreementText, DomesticStep, NegotiationRound, Party

DAY = datetime.timedelta(days=1)


def _make(keeper, title_ky, title_ru, subject_ky, subject_ru, parties, **fields):
    agreement = services.agreement_create(
        actor=keeper,
        agreement=Agreement(
            title_ky=title_ky,
            title_ru=title_ru,
            subject_ky=subject_ky,
            subject_ru=subject_ru,
            authentic_languages=fields.pop("authentic_languages", "кыргыз, орус"),
            **fields,
        ),
    )
    for kind, name_ky, name_ru in parties:
        services.part_save(actor=keeper, part=Party(agreement=agreement, kind=kind, name_ky=name_ky, name_ru=name_ru))
    return agreement


def _texts(keeper, agreement, languages):
    for language, authentic in languages:
        body = f"{agreement.title_ky}\n{agreement.title_ru}\n({language})\n".encode()
        services.part_save(
            actor=keeper,
            part=AgreementText(
                agreement=agreement, language=language, is_authentic=authentic, file=ContentFile(body, name="text.txt")
            ),
        )


def _in_force(keeper, chairman, agreement, signed, force):
    services.agreement_negotiate(agreement=agreement, actor=keeper, date=signed - 90 * DAY)
    services.agreement_sign(agreement=agreement, actor=keeper, date=signed)
    if agreement.requires_ratification:
        services.agreement_submit_ratification(agreement=agreement, actor=keeper, date=signed + 10 * DAY)
    return services.agreement_enter_into_force(agreement=agreement, actor=keeper, date=force, controller=chairman)


def load() -> list[Agreement]:
    if Agreement.objects.exists():
        return list(Agreement.objects.all())
    users = get_user_model().objects
    keeper = users.get(username="international_officer")
    chairman = users.get(username="chairman")
    today = timezone.localdate()

    talks = _make(
        keeper,
        "Эмгек мигранттарынын укуктарын коргоо боюнча кызматташуу жөнүндө келишим",
        "Соглашение о сотрудничестве в защите прав трудовых мигрантов",
        "Тараптар эмгек мигранттарынын укуктарын коргоодо маалымат алмашат жана биргелешкен иш-чараларды өткөрөт.",
        "Стороны обмениваются сведениями и проводят совместные мероприятия по защите прав трудовых мигрантов.",
        [(PartyKind.AGENCY, "Өнөктөш мамлекеттин миграция агенттиги", "Миграционное агентство государства-партнёра")],
        kind=AgreementKind.INTERAGENCY,
        is_public=False,
    )
    services.agreement_negotiate(agreement=talks, actor=keeper, date=today - 120 * DAY)
    for number, (start, place) in enumerate(((today - 100 * DAY, "Бишкек"), (today - 30 * DAY, "Ташкент")), 1):
        services.part_save(
            actor=keeper,
            part=NegotiationRound(
                agreement=talks,
                number=number,
                date_from=start,
                date_to=start + DAY,
                place=place,
                outcome="Долбоордун 1–6-беренелери макулдашылды." if number == 1 else "Калган беренелер талкууланды.",
                record=ContentFile(f"Айлампа {number}: {place}\n".encode(), name="round.txt"),
            ),
        )

    ratification = _make(
        keeper,
        "Реадмиссия жөнүндө өкмөттөр аралык макулдашуу",
        "Межправительственное соглашение о реадмиссии",
        "Тараптардын аймагында мыйзамсыз жүргөн адамдарды кабыл алуунун тартиби.",
        "Порядок приёма лиц, незаконно находящихся на территории сторон.",
        [(PartyKind.STATE, "Өнөктөш мамлекеттин Өкмөтү", "Правительство государства-партнёра")],
        kind=AgreementKind.INTERGOVERNMENTAL,
        requires_ratification=True,
        signatory_kind="authorised",
        signatory_name="Төраганын орун басары",
        signatory_authority="Өкмөттүн буйрутмасы, №12-б",
        duration_months=60,
        automatic_renewal=True,
        renewal_months=60,
        notice_days=180,
    )
    services.agreement_negotiate(agreement=ratification, actor=keeper, date=today - 200 * DAY)
    services.agreement_sign(agreement=ratification, actor=keeper, date=today - 40 * DAY)
    services.agreement_submit_ratification(agreement=ratification, actor=keeper, date=today - 20 * DAY)
    services.part_save(
        actor=keeper,
        part=DomesticStep(
            agreement=ratification,
            description_ky="Ратификациялоо жөнүндө мыйзам долбоорун Өкмөткө киргизүү",
            description_ru="Внести в Правительство проект закона о ратификации",
            due_on=today + 30 * DAY,
        ),
    )

    open_ended = _make(
        keeper,
        "Эл аралык миграция уюму менен өз ара түшүнүшүү жөнүндө меморандум",
        "Меморандум о взаимопонимании с Международной организацией по миграции",
        "Миграцияны башкаруу боюнча окутуу жана техникалык жардам.",
        "Обучение и техническое содействие в управлении миграцией.",
        [(PartyKind.ORGANISATION, "Эл аралык миграция уюму", "Международная организация по миграции")],
        kind=AgreementKind.ORGANISATION,
        authentic_languages="англис, орус",
        depositary="",
    )
    open_ended = _in_force(keeper, chairman, open_ended, today - 700 * DAY, today - 690 * DAY)
    _texts(keeper, open_ended, [("англис", True), ("орус", True), ("кыргыз", False)])

    # The notice deadline comes in three weeks: the period ends 201 days from today, notice is 180 days.
    end = today + 201 * DAY
    force = end + DAY - relativedelta(months=36)
    nearing = _make(
        keeper,
        "Миграциялык каттоо маалыматтары менен алмашуу жөнүндө ведомстволор аралык макулдашуу",
        "Межведомственное соглашение об обмене сведениями миграционного учёта",
        "Миграциялык каттоо маалыматтарын электрондук түрдө алмашуу.",
        "Электронный обмен сведениями миграционного учёта.",
        [(PartyKind.AGENCY, "Коңшу мамлекеттин миграция кызматы", "Миграционная служба соседнего государства")],
        kind=AgreementKind.INTERAGENCY,
        duration_months=36,
        automatic_renewal=True,
        renewal_months=36,
        notice_days=180,
    )
    nearing = _in_force(keeper, chairman, nearing, force - 30 * DAY, force)
    _texts(keeper, nearing, [("кыргыз", True), ("орус", True)])

    ended = _make(
        keeper,
        "Маалыматтык кампания боюнча кызматташуу жөнүндө макулдашуу",
        "Соглашение о сотрудничестве в информационной кампании",
        "Мигранттар үчүн маалыматтык кампанияны биргелешип өткөрүү.",
        "Совместное проведение информационной кампании для мигрантов.",
        [(PartyKind.ORGANISATION, "Эл аралык өнөктөш уюм", "Международная организация-партнёр")],
        kind=AgreementKind.ORGANISATION,
        duration_months=12,
    )
    ended = _in_force(keeper, chairman, ended, today - 500 * DAY, today - 480 * DAY)
    services.agreement_terminate(agreement=ended, actor=keeper, date=today - 100 * DAY)
    return [talks, ratification, open_ended, nearing, ended]
