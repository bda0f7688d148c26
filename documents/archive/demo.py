"""The demo's nomenclature of files with retention periods, the existing appeals and signed orders
filed in it, older case files of paper records (one due for destruction, one under a legal hold)."""

import datetime

from django.utils import timezone

from documents.archive import services
from documents.archive.models import FileHeading, LegalHold

# index, title ky, title ru, subdivision, retention years (None: permanent), article of the list
HEADINGS = [
    ("01-01", "Негизги иш боюнча буйруктар", "Приказы по основной деятельности",
     "Жалпы бөлүм / Общий отдел", None, "Типтүү тизме, 19-а берене / Типовой перечень, ст. 19а"),
    ("01-02", "Жеке курам боюнча буйруктар", "Приказы по личному составу",
     "Кадр кызматы / Кадровая служба", 75, "Типтүү тизме, 19-б берене / Типовой перечень, ст. 19б"),
    ("02-05", "Жарандардын арыздары жана даттануулары", "Заявления и жалобы граждан",
     "Иш кагаздар кызматы / Служба делопроизводства", 5,
     "Типтүү тизме, 183-берене / Типовой перечень, ст. 183"),
    ("03-01", "Кирүүчү кат-кабарлар", "Входящая переписка",
     "Иш кагаздар кызматы / Служба делопроизводства", 5, "Типтүү тизме, 70-берене / Типовой перечень, ст. 70"),
    ("04-02", "Баштапкы эсеп документтери", "Первичные учётные документы",
     "Финансы бөлүмү / Финансовый отдел", 5, "Типтүү тизме, 362-берене / Типовой перечень, ст. 362"),
]  # fmt: skip

# Paper records of past years: (heading index, year, number, description ky, description ru)
PAPER = [
    ("02-05", 2019, "2019/14", "Чет өлкөлүк жарандын катталуу мөөнөтүн узартуу жөнүндө арызы",
     "Заявление иностранного гражданина о продлении срока регистрации"),
    ("02-05", 2019, "2019/27", "Аймактык бөлүмдүн кабыл алуу тартиби боюнча даттануу",
     "Жалоба на порядок приёма в территориальном отделе"),
    ("03-01", 2020, "2020/301", "Эмгек министрлигинин квота боюнча каты",
     "Письмо министерства труда о квоте"),
]  # fmt: skip


def load(users: list, orders: list, appeals: list) -> list[FileHeading]:
    if FileHeading.objects.exists():
        return list(FileHeading.objects.all())
    officer = next(user for user in users if user.username == "records_officer")
    year = timezone.localdate().year
    headings = {}
    for index, title_ky, title_ru, subdivision, years, authority in HEADINGS:
        heading = FileHeading(
            year=year,
            index=index,
            title_ky=title_ky,
            title_ru=title_ru,
            subdivision=subdivision,
            permanent=years is None,
            retention_years=years,
            authority=authority,
        )
        headings[index] = services.heading_save(actor=officer, heading=heading)
    for order in orders:
        if not order.signed_on:
            continue
        content = None
        if order.document:
            with order.document.open("rb") as stored:
                content = stored.read()
        services.file_record(
            actor=officer,
            heading=headings["01-02" if order.series_code == "personnel" else "01-01"],
            year=order.signed_on.year,
            app_label=order._meta.app_label,
            model=order._meta.model_name,
            object_pk=order.pk,
            number=order.number_display,
            date=order.signed_on,
            description_ky=order.title_ky,
            description_ru=order.title_ru,
            content=content,
            file_name=f"order-{order.number_display.replace('/', '-')}.docx" if content else "",
        )
    for appeal in appeals:
        services.file_record(
            actor=officer,
            heading=headings["02-05"],
            year=appeal.registered_on.year,
            app_label=appeal._meta.app_label,
            model=appeal._meta.model_name,
            object_pk=appeal.pk,
            number=appeal.number,
            date=appeal.registered_on,
            description_ky=f"{appeal.get_kind_display()}: {appeal.text[:200]}",
            description_ru=f"{appeal.get_kind_display()}: {appeal.text[:200]}",
        )
    for index, paper_year, number, text_ky, text_ru in PAPER:
        services.file_record(
            actor=officer,
            heading=headings[index],
            year=paper_year,
            app_label="paper",
            model="record",
            object_pk=number,
            number=number,
            date=datetime.date(paper_year, 3, 1),
            description_ky=text_ky,
            description_ru=text_ru,
            content=f"{number}\n{text_ky}\n{text_ru}\n".encode(),
            file_name=f"{number.replace('/', '-')}.txt",
        )
    # The 2020 correspondence is due too, but a court's request keeps it.
    services.hold_place(
        actor=officer,
        hold=LegalHold(
            case=headings["03-01"].cases.get(year=2020),
            reason="Соттун суроо-талабы / Запрос суда",
            starts_on=datetime.date(year, 1, 15),
        ),
    )
    return list(headings.values())
