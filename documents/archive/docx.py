"""The archive's official forms on the shared letterhead: the act of destruction and the inventory
(опись) of a transfer. The Kyrgyz text first, the Russian under the same number and date."""

import datetime
from dataclasses import dataclass

from docx.shared import Mm

from documents.archive.models import CaseFile, DestructionAct, FiledRecord
from documents.docx.letterhead import (
    TEXT_WIDTH,
    Letterhead,
    add_row,
    agency_letterhead,
    cell_text,
    new_document,
    page_break,
    paragraph,
    set_row_widths,
    short_name,
    table,
    to_bytes,
)

WORDS = {
    "ky": {
        "act": "Сактоого жатпаган документтерди жок кылууга бөлүү жөнүндө АКТ № {number}",
        "act_intro": (
            "Төмөндө аталган иштердин сактоо мөөнөтү бүттү жана алар укуктук кармоодо эмес. "
            "Эксперттик комиссия аларды жок кылууга бөлөт; документтердин сыпаттамалары ушул актта сакталат."
        ),
        "cases": ("№", "Индекс", "Иштин аталышы", "Жылы", "Сактоо мөөнөтү, берене", "Документтер"),
        "records": "Жок кылынган документтердин сыпаттамалары",
        "record_columns": ("№", "Иш", "Каттоо номери", "Күнү", "Сыпаттамасы"),
        "proposed": "Сунуштаган: иш кагаздар кызматынын кызматкери",
        "approved": "Бекиткен: эксперттик комиссиянын төрагасы",
        "inventory": "Архивге өткөрүлүүчү иштердин ТИЗМЕСИ (опись)",
        "inventory_intro": "Топтом: {label}. Түзүлгөн күнү: {date}.",
        "inventory_columns": ("№", "Индекс", "Иштин аталышы", "Жылы", "Сактоо мөөнөтү", "Документтер"),
        "years": "{years} жыл, {authority}",
        "permanent": "туруктуу, {authority}",
    },
    "ru": {
        "act": "АКТ № {number} о выделении к уничтожению документов, не подлежащих хранению",
        "act_intro": (
            "Сроки хранения дел, названных ниже, истекли, и они не находятся под правовым удержанием. "
            "Экспертная комиссия выделяет их к уничтожению; описания документов сохраняются в настоящем акте."
        ),
        "cases": ("№", "Индекс", "Заголовок дела", "Год", "Срок хранения, статья", "Документов"),
        "records": "Описания уничтоженных документов",
        "record_columns": ("№", "Дело", "Рег. номер", "Дата", "Описание"),
        "proposed": "Предложил: сотрудник службы делопроизводства",
        "approved": "Утвердил: председатель экспертной комиссии",
        "inventory": "ОПИСЬ дел, передаваемых на архивное хранение",
        "inventory_intro": "Пакет: {label}. Дата составления: {date}.",
        "inventory_columns": ("№", "Индекс", "Заголовок дела", "Год", "Срок хранения", "Документов"),
        "years": "{years} лет, {authority}",
        "permanent": "постоянно, {authority}",
    },
}

CASE_WIDTHS = (Mm(10), Mm(20), Mm(62), Mm(14), Mm(44), Mm(20))
RECORD_WIDTHS = (Mm(10), Mm(24), Mm(28), Mm(22), TEXT_WIDTH - Mm(84))


def _date(day: datetime.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def _retention(case: CaseFile, language: str) -> str:
    heading = case.heading
    words = WORDS[language]
    if heading.permanent:
        return words["permanent"].format(authority=heading.authority)
    return words["years"].format(years=heading.retention_years, authority=heading.authority)


def _title(case: CaseFile, language: str) -> str:
    return case.heading.title_ru if language == "ru" else case.heading.title_ky


@dataclass(frozen=True)
class ActData:
    letterhead: Letterhead
    number: str
    decided_on: datetime.date | None
    cases: list
    counts: dict
    records: list
    proposed_by: str
    decided_by: str


def act_data(act: DestructionAct) -> ActData:
    cases = list(act.cases.select_related("heading").order_by("heading__index", "year"))
    records = list(FiledRecord.objects.filter(case__in=cases).select_related("case__heading").order_by("case", "date"))
    counts = {case.pk: sum(1 for record in records if record.case_id == case.pk) for case in cases}
    return ActData(
        letterhead=agency_letterhead(),
        number=act.number,
        decided_on=act.decided_on,
        cases=cases,
        counts=counts,
        records=records,
        proposed_by=short_name(act.proposed_by),
        decided_by=short_name(act.decided_by) if act.decided_by_id else "",
    )


def _signature(document, label: str, name: str, language: str) -> None:
    widths = (TEXT_WIDTH - Mm(60), Mm(60))
    left, right = set_row_widths(table(document, widths, rows=1, borders=False).rows[0], widths)
    cell_text(left, label, language=language)
    cell_text(right, name, language=language, align="right")


def _act_text(document, data: ActData, language: str) -> None:
    words = WORDS[language]
    paragraph(document, words["act"].format(number=data.number), language=language, bold=True, align="center")
    paragraph(document, _date(data.decided_on), language=language, align="center", space_after=6)
    paragraph(document, words["act_intro"], language=language, indent=True, align="justify", space_after=6)
    cases = table(document, CASE_WIDTHS)
    add_row(cases, CASE_WIDTHS, words["cases"], language=language, bold=True)
    for position, case in enumerate(data.cases, 1):
        texts = (str(position), case.heading.index, _title(case, language), str(case.year))
        add_row(cases, CASE_WIDTHS, (*texts, _retention(case, language), str(data.counts[case.pk])), language=language)
    paragraph(document, words["records"], language=language, bold=True, space_after=6)
    records = table(document, RECORD_WIDTHS)
    add_row(records, RECORD_WIDTHS, words["record_columns"], language=language, bold=True)
    for position, record in enumerate(data.records, 1):
        description = record.description_ru if language == "ru" else record.description_ky
        case = f"{record.case.heading.index}/{record.case.year}"
        add_row(
            records,
            RECORD_WIDTHS,
            (str(position), case, record.number, _date(record.date), description),
            language=language,
        )
    paragraph(document, "", space_after=18)
    _signature(document, words["proposed"], data.proposed_by, language)
    paragraph(document, "", space_after=6)
    _signature(document, words["approved"], data.decided_by, language)


def build_act(data: ActData):
    document = new_document(data.letterhead, language="ky")
    _act_text(document, data, "ky")
    page_break(document)
    _act_text(document, data, "ru")
    return document


def render_act(act: DestructionAct) -> bytes:
    return to_bytes(build_act(act_data(act)))


def build_inventory(cases: list, counts: dict, label: str, on: datetime.date, letterhead: Letterhead):
    document = new_document(letterhead, language="ky")
    for position, language in enumerate(("ky", "ru")):
        if position:
            page_break(document)
        words = WORDS[language]
        paragraph(document, words["inventory"], language=language, bold=True, align="center")
        intro = words["inventory_intro"].format(label=label, date=_date(on))
        paragraph(document, intro, language=language, align="center", space_after=6)
        rows = table(document, CASE_WIDTHS)
        add_row(rows, CASE_WIDTHS, words["inventory_columns"], language=language, bold=True)
        for number, case in enumerate(cases, 1):
            texts = (str(number), case.heading.index, _title(case, language), str(case.year))
            add_row(rows, CASE_WIDTHS, (*texts, _retention(case, language), str(counts[case.pk])), language=language)
    return document


def render_inventory(cases: list, counts: dict, label: str, on: datetime.date) -> bytes:
    return to_bytes(build_inventory(cases, counts, label, on, agency_letterhead()))
