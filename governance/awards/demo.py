"""The agency's kinds of award, the series of orders that confers them, three awards conferred by a
signed order, and nominations at each open stage: proposed, approved and waiting for its order, and
a state title submitted to the Government."""

from django.contrib.auth import get_user_model

from governance.awards import services
from governance.awards.enums import AWARDS_SERIES, AwardLevel
from governance.awards.models import AwardKind, Nomination
from governance.orders import services as order_services
from governance.orders.enums import Confidentiality
from governance.orders.models import Series
from governance.staff.models import Employee

KINDS = [
    # code, Kyrgyz name, Russian name, level, years before the same award again, considered by the collegium
    ("honour", "Кызматтын Ардак грамотасы", "Почётная грамота Службы", AwardLevel.AGENCY, 3, False),
    ("thanks", "Кызматтын Ыраазычылык каты", "Благодарственное письмо Службы", AwardLevel.AGENCY, 1, False),
    (
        "badge",
        "Кызматтын «Мыкты кызматкер» төш белгиси",
        "Нагрудный знак Службы «Лучший сотрудник»",
        AwardLevel.AGENCY,
        5,
        True,
    ),
    (
        "honoured-worker",
        "Кыргыз Республикасынын ардактуу кызматкери",
        "Заслуженный работник Кыргызской Республики",
        AwardLevel.STATE,
        0,
        False,
    ),
]

GROUNDS = [
    (
        "Эмгек мигранттарына кеңеш берүүнү уюштуруудагы жемиштүү эмгеги үчүн",
        "За плодотворную работу по организации консультирования трудовых мигрантов",
    ),
    (
        "Кызматтын маалымат базасын киргизүүгө кошкон салымы үчүн",
        "За вклад во внедрение базы данных Службы",
    ),
    (
        "Чет өлкөдөгү жарандарды колдоодогу демилгелүү иши үчүн",
        "За инициативную работу по поддержке граждан за рубежом",
    ),
    (
        "Миграция тармагындагы көп жылдык кынтыксыз кызматы үчүн",
        "За многолетнюю безупречную службу в сфере миграции",
    ),
]


def load() -> list[Nomination]:
    Series.objects.update_or_create(
        code=AWARDS_SERIES,
        defaults={
            "name_ky": "Сыйлоо боюнча",
            "name_ru": "По награждению",
            "suffix": "-н",
            "confidentiality": Confidentiality.PERSONNEL,
        },
    )
    kinds = {}
    for sort_order, (code, name_ky, name_ru, level, years, collegium) in enumerate(KINDS):
        kinds[code], _ = AwardKind.objects.update_or_create(
            code=code,
            defaults={
                "name_ky": name_ky,
                "name_ru": name_ru,
                "level": level,
                "repeat_after_years": years,
                "needs_collegium": collegium,
                "sort_order": sort_order,
            },
        )
    if Nomination.objects.exists():
        return list(Nomination.objects.all())
    employees = list(Employee.objects.order_by("personnel_number")[:8])
    if len(employees) < 8:
        return []
    users = {u.username: u for u in get_user_model().objects.filter(is_active=True)}
    hr, head, chairman = users["hr_officer"], users["head_of_subdivision"], users["chairman"]

    def propose(employee, kind, grounds, actor=hr, language="ky"):
        return services.nomination_propose(
            actor=actor,
            kind=kinds[kind],
            employee=employee,
            grounds_ky=grounds[0],
            grounds_ru=grounds[1],
            language=language,
        )

    conferred = [
        propose(employees[0], "honour", GROUNDS[0]),
        propose(employees[1], "thanks", GROUNDS[1], language="ru"),
        propose(employees[2], "honour", GROUNDS[2], actor=head),
    ]
    for nomination in conferred:
        services.nomination_approve(actor=chairman, nomination=nomination, comment="Макулмун.")
    order = services.award_order_draft(actor=hr, nominations=conferred, approvers=[users["state_secretary"]])
    order = order_services.order_submit(order=order, actor=hr)
    order = order_services.order_approve(order=order, actor=users["state_secretary"], comment="Каршылык жок.")
    order_services.order_sign(order=order, actor=chairman)

    waiting = propose(employees[3], "honour", GROUNDS[1])
    services.nomination_approve(actor=chairman, nomination=waiting)
    proposed = propose(employees[4], "thanks", GROUNDS[0], actor=head)
    submitted = propose(employees[5], "honoured-worker", GROUNDS[3])
    services.nomination_approve(actor=chairman, nomination=submitted)
    badge = propose(employees[6], "badge", GROUNDS[2])  # waits for the collegium
    return [*conferred, waiting, proposed, submitted, badge]
