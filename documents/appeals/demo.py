"""Demo appeals at each stage: just registered (with its points recorded), extended, forwarded,
answered, one overdue, and one anonymous appeal left unconsidered."""

import datetime

from django.utils import timezone

from documents.appeals import services
from documents.appeals.models import Appeal

DAY = datetime.timedelta(days=1)
APPEALS = [
    # days ago, kind, sender, name, organisation, language, text, what happens next
    (1, "application", "person", "Айгерим Садыкова", "", "ky",
     "Чет өлкөдө иштеп жаткан жарандарды каттоо тартибин түшүндүрүп берүүңүздөрдү суранам.", "points"),
    (8, "complaint", "person", "Иван Петров", "", "ru",
     "Третью неделю не могу получить ответ по заявлению о регистрации по месту пребывания.", "extend"),
    (12, "proposal", "organisation", "Нурлан Абдыкадыров", "«Мигрант-Көмөк» коомдук бирикмеси", "ky",
     "Мигранттар үчүн консультациялык борборлордун иш убактысын дем алыш күндөрү да узартууну сунуштайбыз.",
     "forward"),
    (20, "application", "person", "Елена Ким", "", "ru",
     "Прошу разъяснить, какие документы нужны для получения разрешения на работу иностранному гражданину.",
     "answer"),
    (40, "complaint", "person", "Бакыт Токтосунов", "", "ky",
     "Миграция кызматынын аймактык бөлүмүндө кабыл алуу убактысы жарыяланган графикке туура келбейт.", None),
    (6, "complaint", "person", "", "", "ru",
     "Сотрудники одного из отделов берут деньги за ускорение оформления, но называть себя я не стану.",
     "unconsidered"),
]  # fmt: skip
POINTS = [
    "Чет өлкөдө иштеген жаран кайсы мөөнөттө каттоодон өтүшү керек?",
    "Каттоо үчүн кандай документтер талап кылынат?",
]


def load(users: list) -> list[Appeal]:
    if Appeal.objects.exists():
        return list(Appeal.objects.all())
    officer = next(user for user in users if user.username == "records_officer")
    now = timezone.now()
    appeals = []
    for index, (days, kind, sender, name, organisation, language, text, then) in enumerate(APPEALS):
        fields = {"kind": kind, "sender": sender, "name": name, "organisation": organisation, "text": text}
        fields["anonymous"] = not name
        fields["email"] = f"sender{index}@example.kg" if name else ""
        appeal, _token = services.appeal_submit(
            fields=fields, attachments=[], address=f"demo-{index}", language=language, now=now - days * DAY
        )
        if then == "points":
            for point in POINTS:
                services.appeal_point_add(appeal=appeal, actor=officer, text=point)
        elif then == "unconsidered":
            services.appeal_leave_unconsidered(
                appeal=appeal,
                actor=officer,
                reason="Обращение не подписано, а сведений в нём недостаточно, чтобы проверить изложенное.",
            )
        elif then == "extend":
            services.appeal_extend(
                appeal=appeal,
                actor=officer,
                until=appeal.deadline + 10 * DAY,
                reason="Суралды: аймактык бөлүмдүн түшүндүрмөсү / Запрошено объяснение территориального отдела",
            )
        elif then == "forward":
            services.appeal_forward(
                appeal=appeal,
                actor=officer,
                to="Кыргыз Республикасынын Эмгек, социалдык камсыздоо жана миграция министрлиги",
            )
        elif then == "answer":
            services.appeal_answer(
                appeal=appeal,
                actor=officer,
                text="Разрешение на работу выдаётся по заявлению работодателя; перечень документов опубликован "
                "на сайте Службы в разделе «Правовые акты».",
                on=appeal.registered_on + 7 * DAY,
            )
        appeals.append(appeal)
    return appeals
