"""Demo orders in every state, written for the sample agency in Kyrgyz and Russian.

Each order is made through the services, as a user would, so that the registry, the admin's
history and the signed .docx files are all real. A second run finds the orders by their Kyrgyz
title and leaves them as they are.
"""

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from governance.orders import services
from governance.orders.enums import Confidentiality
from governance.orders.models import Order, Series
from governance.staff import services as staff_services
from governance.staff.models import Delegation

SERIES = [
    # code, Kyrgyz name, Russian name, suffix, confidentiality
    ("main", "Негизги иш боюнча", "По основной деятельности", "", Confidentiality.PUBLIC),
    ("personnel", "Жеке курам боюнча", "По личному составу", "-к", Confidentiality.PERSONNEL),
    (
        "admin",
        "Административдик-чарбалык маселелер боюнча",
        "По административно-хозяйственным вопросам",
        "-а",
        Confidentiality.INTERNAL,
    ),
]

RECEPTION = {
    "title_ky": "Эмгек мигранттарынын кайрылууларын кабыл алуунун тартибин бекитүү жөнүндө",
    "title_ru": "Об утверждении порядка приёма обращений трудовых мигрантов",
    "preamble_ky": "Жарандардын кайрылууларын кароонун мөөнөттөрүн сактоо жана эмгек мигранттарына "
    "көрсөтүлүүчү кызматтардын жеткиликтүүлүгүн жогорулатуу максатында,",
    "preamble_ru": "В целях соблюдения сроков рассмотрения обращений граждан и повышения доступности "
    "услуг, оказываемых трудовым мигрантам,",
    "points": [
        (
            "Эмгек мигранттарынын кайрылууларын кабыл алуунун тартиби тиркемеге ылайык бекитилсин.",
            "Утвердить порядок приёма обращений трудовых мигрантов согласно приложению.",
        ),
        (
            "Иш кагаздарын жүргүзүү бөлүмү кайрылууларды келип түшкөн күнү каттасын.",
            "Отделу делопроизводства регистрировать обращения в день их поступления.",
        ),
        (
            "Бул буйруктун аткарылышын көзөмөлдөө статс-катчыга жүктөлсүн.",
            "Контроль за исполнением настоящего приказа возложить на статс-секретаря.",
        ),
    ],
}

QUOTA_GROUP = {
    "title_ky": "Чет өлкөлүк жумушчу күчүн тартуу квотасын бөлүштүрүү боюнча жумушчу топ түзүү жөнүндө",
    "title_ru": "О создании рабочей группы по распределению квоты на привлечение иностранной рабочей силы",
    "preamble_ky": "Чет өлкөлүк жумушчу күчүн тартуунун жылдык квотасын региондор жана тармактар боюнча "
    "бөлүштүрүү боюнча сунуштарды даярдоо максатында,",
    "preamble_ru": "В целях подготовки предложений по распределению годовой квоты на привлечение "
    "иностранной рабочей силы по регионам и отраслям,",
    "points": [
        (
            "Эмгек миграциясы башкармалыгынын алдында жумушчу топ түзүлсүн.",
            "Создать рабочую группу при Управлении трудовой миграции.",
        ),
        (
            "Жумушчу топ бир айлык мөөнөттө сунуштарды төрагага киргизсин.",
            "Рабочей группе в месячный срок внести предложения председателю.",
        ),
    ],
}

CENTRE_HOURS = {
    "title_ky": "Маалыматтык-консультациялык борбордун иш убактысы жөнүндө",
    "title_ru": "О режиме работы информационно-консультационного центра",
    "points": [
        (
            "Маалыматтык-консультациялык борбор дүйшөмбүдөн ишембиге чейин саат 8.00дөн 20.00гө чейин иштесин.",
            "Информационно-консультационному центру работать с понедельника по субботу с 8.00 до 20.00.",
        ),
        (
            "Ишеним телефону күнү-түнү иштесин.",
            "Телефону доверия работать круглосуточно.",
        ),
    ],
}

CENTRE_REPAIR = {
    "title_ky": "Маалыматтык-консультациялык борбордун иш убактысын убактылуу өзгөртүү жөнүндө",
    "title_ru": "О временном изменении режима работы информационно-консультационного центра",
    "preamble_ky": "Борбордун имаратында оңдоо иштерин жүргүзүүгө байланыштуу,",
    "preamble_ru": "В связи с проведением ремонтных работ в здании центра,",
    "points": [
        (
            "Оңдоо иштери бүткөнгө чейин борбордо жарандарды кабыл алуу токтотулсун; "
            "кеңештер телефон аркылуу берилсин.",
            "До окончания ремонтных работ приостановить личный приём граждан в центре; "
            "консультации давать по телефону.",
        ),
    ],
}

LEAFLET = {
    "title_ky": "Мигранттар үчүн эскертмени кагаз түрүндө басып чыгаруу жөнүндө",
    "title_ru": "Об издании памятки для мигрантов в печатном виде",
    "points": [
        (
            "Мигранттар үчүн эскертме 5000 нускада басып чыгарылсын.",
            "Издать памятку для мигрантов тиражом 5000 экземпляров.",
        ),
    ],
}

LEAFLET_CANCEL = {
    "title_ky": "Мигранттар үчүн эскертмени электрондук түрдө гана таратуу жөнүндө",
    "title_ru": "О распространении памятки для мигрантов только в электронном виде",
    "points": [
        (
            "Эскертме Кызматтын сайтында жана мобилдик тиркемеде жарыяланат.",
            "Памятку публиковать на сайте Службы и в мобильном приложении.",
        ),
    ],
}

RECEPTION_AMENDMENT = {
    "title_ky": "Эмгек мигранттарынын кайрылууларын кабыл алуунун тартибине өзгөртүү киргизүү жөнүндө",
    "title_ru": "О внесении изменения в порядок приёма обращений трудовых мигрантов",
    "points": [
        (
            "Кайрылуулар электрондук почта аркылуу да кабыл алынсын.",
            "Принимать обращения также по электронной почте.",
        ),
    ],
}

BORDER_EVENTS = {
    "title_ky": "Чек ара аймактарында маалыматтык иш-чараларды өткөрүү жөнүндө",
    "title_ru": "О проведении информационных мероприятий в приграничных районах",
    "points": [
        (
            "Баткен жана Ош облустарында мигранттардын укуктары боюнча маалыматтык жолугушуулар өткөрүлсүн.",
            "Провести информационные встречи о правах мигрантов в Баткенской и Ошской областях.",
        ),
    ],
}

TRANSPORT = {
    "title_ky": "Кызматтык унааларды пайдалануу тартиби жөнүндө",
    "title_ru": "О порядке использования служебного транспорта",
    "points": [
        (
            "Кызматтык унаалар иш кагаздарын жүргүзүү бөлүмүндөгү журнал боюнча гана берилсин.",
            "Выдавать служебный транспорт только по журналу отдела делопроизводства.",
        ),
    ],
}

LEAVE = {
    "title_ky": "Кызматкерлерге кезектеги эмгек өргүүсүн берүү жөнүндө",
    "title_ru": "О предоставлении сотрудникам очередного трудового отпуска",
    "points": [
        (
            "Юридикалык бөлүмдүн кызматкерлерине графикке ылайык кезектеги эмгек өргүүсү берилсин.",
            "Предоставить сотрудникам юридического отдела очередной трудовой отпуск согласно графику.",
        ),
    ],
}

TRAINING = {
    "title_ky": "Россия Федерациясындагы өкүлчүлүктүн кызматкерлерин окутуу жөнүндө",
    "title_ru": "Об обучении сотрудников представительства в Российской Федерации",
    "points": [
        (
            "Өкүлчүлүктүн кызматкерлери үчүн мигранттардын укуктарын коргоо боюнча семинар уюштурулсун.",
            "Организовать для сотрудников представительства семинар по защите прав мигрантов.",
        ),
    ],
}

E_REGISTRATION = {
    "title_ky": "Кайрылууларды электрондук каттоо системасын киргизүү жөнүндө",
    "title_ru": "О внедрении системы электронной регистрации обращений",
    "points": [
        (
            "Кайрылууларды электрондук каттоо системасы сыноо режиминде ишке киргизилсин.",
            "Ввести систему электронной регистрации обращений в опытную эксплуатацию.",
        ),
    ],
}

QUOTA_REGULATION = {
    "title_ky": "Квота белгилөө бөлүмүнүн жобосун бекитүү жөнүндө",
    "title_ru": "Об утверждении положения об отделе квотирования",
    "points": [
        (
            "Квота белгилөө бөлүмү жөнүндө жобо бекитилсин.",
            "Утвердить положение об отделе квотирования.",
        ),
    ],
}

PUBLIC_COUNCIL = {
    "title_ky": "Коомдук кеңеш менен өз ара аракеттенүү тартиби жөнүндө",
    "title_ru": "О порядке взаимодействия с Общественным советом",
    "points": [
        (
            "Коомдук кеңештин сунуштары бир айлык мөөнөттө каралсын.",
            "",
        ),
    ],
}


def _series() -> dict[str, Series]:
    series = {}
    for code, name_ky, name_ru, suffix, confidentiality in SERIES:
        series[code], _ = Series.objects.update_or_create(
            code=code,
            defaults={"name_ky": name_ky, "name_ru": name_ru, "suffix": suffix, "confidentiality": confidentiality},
        )
    return series


def load(subdivisions: dict) -> list[Order]:
    users = {u.username: u for u in get_user_model().objects.filter(is_active=True)}
    chairman, secretary, head = users["chairman"], users["state_secretary"], users["head_of_subdivision"]
    hr, records, deputy = users["hr_officer"], users["records_officer"], users["deputy_chairman"]
    series = _series()
    made: dict[str, Order] = {}

    def order(key, texts, *, stage, drafter=head, series_code="main", subdivision="legal", signer=chairman, **extra):
        existing = Order.objects.filter(title_ky=texts["title_ky"]).first()
        if existing is not None:
            made[key] = existing
            return existing
        current = services.order_create_draft(
            actor=drafter,
            series=series[series_code],
            subdivision=subdivisions[subdivision],
            approvers=[head, secretary] if drafter != head else [secretary],
            **texts,
            **extra,
        )
        if stage == "rejected":
            current = services.order_submit(order=current, actor=drafter)
            current = services.order_reject(
                order=current,
                actor=current.approvals.first().approver,
                comment="Бөлүмдүн милдеттерин штаттык расписание менен шайкеш келтирүү керек.",
            )
        if stage in ("in_approval", "approved", "signed", "published"):
            current = services.order_submit(order=current, actor=drafter)
        if stage in ("approved", "signed", "published"):
            for approval in list(current.approvals.all()):
                current = services.order_approve(order=current, actor=approval.approver, comment="Каршылык жок.")
        if stage in ("signed", "published"):
            current = services.order_sign(order=current, actor=signer)
        if stage == "published":
            current = services.order_publish(order=current, actor=records)
        made[key] = current
        return current

    reception_hours = "Күн / День;Саат / Часы\nДүйшөмбү–Жума / Понедельник–пятница;09:00–18:00\n"
    order(
        "reception",
        RECEPTION,
        stage="published",
        attachments=[
            ("Кабыл алуунун графиги", "График приёма", ContentFile(reception_hours.encode(), name="grafik.csv"))
        ],
    )
    order("quota_group", QUOTA_GROUP, stage="published", subdivision="quota")
    order("centre_hours", CENTRE_HOURS, stage="published", subdivision="info-centre")
    order("leaflet", LEAFLET, stage="published", subdivision="info-centre")
    order("transport", TRANSPORT, stage="signed", series_code="admin", subdivision="records")
    leave_schedule = "Кызматкер / Сотрудник;Өргүү / Отпуск\nАсанова А. А.;01.07–28.07\nБекова Б. Б.;04.08–31.08\n"
    order(
        "leave",
        LEAVE,
        stage="signed",
        series_code="personnel",
        subdivision="hr",
        drafter=hr,
        attachments=[
            ("Өргүүлөрдүн графиги", "График отпусков", ContentFile(leave_schedule.encode(), name="otpuska.csv"))
        ],
    )
    today = timezone.localdate()
    if not Delegation.objects.filter(delegate=deputy).exists():
        staff_services.delegation_create(
            actor=chairman,
            delegate=deputy,
            date_from=today,
            date_to=today + datetime.timedelta(days=7),
            basis="Төраганын иш сапарына байланыштуу / В связи с командировкой председателя",
        )
    order("border", BORDER_EVENTS, stage="published", subdivision="labour-migration", signer=deputy)
    if not Order.objects.filter(title_ky=CENTRE_REPAIR["title_ky"]).exists():
        repair = order(
            "centre_repair",
            CENTRE_REPAIR,
            stage="published",
            subdivision="info-centre",
            amends=[made["centre_hours"]],
        )
        services.order_suspend(
            order=made["centre_hours"],
            by_order=repair,
            reason_ky="Борбордун имаратында оңдоо иштери жүрүп жатат.",
            reason_ru="В здании центра идёт ремонт.",
            actor=chairman,
        )
    if not Order.objects.filter(title_ky=LEAFLET_CANCEL["title_ky"]).exists():
        cancelling = order(
            "leaflet_cancel", LEAFLET_CANCEL, stage="published", subdivision="info-centre", amends=[made["leaflet"]]
        )
        services.order_cancel(
            order=made["leaflet"],
            by_order=cancelling,
            reason_ky="Кагаз нускага муктаждык жок.",
            reason_ru="Необходимость в печатном тираже отпала.",
            actor=chairman,
        )
    order("reception_amendment", RECEPTION_AMENDMENT, stage="published", amends=[made["reception"]])
    order("training", TRAINING, stage="approved", subdivision="representation-ru")
    order("e_registration", E_REGISTRATION, stage="in_approval", subdivision="records")
    order("quota_regulation", QUOTA_REGULATION, stage="rejected", subdivision="quota")
    order("public_council", PUBLIC_COUNCIL, stage="draft")
    return list(made.values())
