"""A version of the staffing table as an official .docx (landscape, on the shared letterhead) and as
an .xlsx workbook: a selector gathers the rows once, pure functions build the files."""

import io
from copy import deepcopy
from dataclasses import dataclass
from decimal import Decimal

from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm
from openpyxl import Workbook
from openpyxl.styles import Font

from documents.docx.letterhead import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    add_letterhead,
    add_row,
    agency_letterhead,
    new_document,
    paragraph,
    table,
    to_bytes,
)
from governance.staff.models import StaffingTable
from governance.staff.selectors import staffing_compare
from governance.structure.models import Position, Subdivision

HEADINGS = {
    "ky": ("Түзүмдүк бөлүм", "Кызмат орду", "Бирдик", "Айлык маяна", "Айына бардыгы"),
    "ru": ("Подразделение", "Должность", "Единиц", "Оклад", "Всего в месяц"),
}
TITLE = {"ky": "ШТАТТЫК ЫРААТТАМА", "ru": "ШТАТНОЕ РАСПИСАНИЕ"}
IN_FORCE = {"ky": "{date} баштап күчүнө кирет", "ru": "Вводится в действие с {date}"}
TOTAL = {"ky": "Бардыгы", "ru": "Итого"}
COMPARED = {
    "ky": "{date} баштап күчүндөгү «{title}» менен салыштыруу",
    "ru": "Сравнение с «{title}», действующим с {date}",
}
CHANGE_HEADINGS = {
    "ky": ("Өзгөрүү", "Түзүмдүк бөлүм", "Кызмат орду", "Бирдик: мурда", "Бирдик: азыр", "Маяна: мурда", "Маяна: азыр"),
    "ru": ("Изменение", "Подразделение", "Должность", "Единиц: было", "Единиц: стало", "Оклад: был", "Оклад: стал"),
}
CHANGE_KINDS = {
    "ky": {"added": "кошулду", "removed": "алынып салынды", "changed": "өзгөрдү"},
    "ru": {"added": "добавлена", "removed": "исключена", "changed": "изменена"},
}
TOTALS_COMPARED = {"ky": "Бардыгы: мурда / азыр", "ru": "Итого: было / стало"}


@dataclass(frozen=True)
class Line:
    subdivision: dict  # language → name
    position: dict
    units: int
    salary: Decimal

    @property
    def monthly(self) -> Decimal:
        return self.units * self.salary


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, changed
    subdivision: dict  # language → name
    position: dict
    before: tuple[int, Decimal] | None  # (units, monthly salary of a unit)
    after: tuple[int, Decimal] | None


@dataclass(frozen=True)
class Compared:
    """The rows added, removed and changed since another version, and both versions' totals."""

    title: str
    effective_from: str
    changes: list[Change]
    totals_before: tuple[int, Decimal]  # (units, salaries of a month)
    totals_after: tuple[int, Decimal]


@dataclass(frozen=True)
class StaffingDocument:
    title: str
    effective_from: str
    lines: list[Line]
    compared: Compared | None = None

    @property
    def units(self) -> int:
        return sum(line.units for line in self.lines)

    @property
    def monthly(self) -> Decimal:
        return sum((line.monthly for line in self.lines), Decimal(0))


def _names(obj, field: str) -> dict:
    return {"ky": getattr(obj, f"{field}_ky"), "ru": getattr(obj, f"{field}_ru")}


def _compared(before: StaffingTable, after: StaffingTable) -> Compared:
    comparison = staffing_compare(before, after)
    changes = [
        Change(kind, _names(c.subdivision, "name"), _names(c.position, "title"), c.before, c.after)
        for kind, found in (
            ("added", comparison.added),
            ("removed", comparison.removed),
            ("changed", comparison.changed),
        )
        for c in found
    ]
    return Compared(
        before.title,
        f"{before.effective_from:%d.%m.%Y}",
        changes,
        comparison.totals_before,
        comparison.totals_after,
    )


def staffing_document_data(table_: StaffingTable, *, compare_with: StaffingTable | None = None) -> StaffingDocument:
    """The rows of ``table_`` and, with ``compare_with``, what changed since that version."""
    rows = list(
        table_.rows.order_by("subdivision__sort_order", "pk").values_list(
            "subdivision_id", "position_id", "units", "monthly_salary"
        )
    )
    subdivisions = {
        s["pk"]: {"ky": s["name_ky"], "ru": s["name_ru"]}
        for s in Subdivision.objects.filter(pk__in={r[0] for r in rows}).values("pk", "name_ky", "name_ru")
    }
    positions = {
        p["pk"]: {"ky": p["title_ky"], "ru": p["title_ru"]}
        for p in Position.objects.filter(pk__in={r[1] for r in rows}).values("pk", "title_ky", "title_ru")
    }
    return StaffingDocument(
        title=table_.title,
        effective_from=f"{table_.effective_from:%d.%m.%Y}",
        lines=[Line(subdivisions[sub], positions[pos], units, salary) for sub, pos, units, salary in rows],
        compared=_compared(compare_with, table_) if compare_with is not None else None,
    )


def _money(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", " ")


def _add_rows(grid, widths, rows, language: str) -> None:
    """Many rows at once: one row built by the letterhead's ``add_row``, its XML copied for the others
    (python-docx's ``add_row`` re-reads the table for every row: seconds for thousands of rows)."""
    if not rows:
        return
    add_row(grid, widths, ["-"] * len(widths), language=language)
    template = grid.rows[-1]._tr
    template.getparent().remove(template)
    for texts in rows:
        row = deepcopy(template)
        for cell, text in zip(row.iterchildren(qn("w:tc")), texts, strict=True):
            cell.find(qn("w:p")).find(qn("w:r")).find(qn("w:t")).text = text
        grid._tbl.append(row)


def build_staffing_docx(data: StaffingDocument, *, language: str = "ky", agency=None) -> bytes:
    document = new_document(language=language)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    add_letterhead(document, agency_letterhead(agency))
    paragraph(document, TITLE[language], language=language, bold=True, align="center")
    paragraph(document, data.title, language=language, align="center")
    paragraph(
        document, IN_FORCE[language].format(date=data.effective_from), language=language, align="center", space_after=6
    )
    text_width = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
    widths = (text_width - Mm(145), Mm(75), Mm(20), Mm(25), Mm(25))
    grid = table(document, widths)
    add_row(grid, widths, HEADINGS[language], language=language, bold=True)
    texts = [
        (
            line.subdivision[language],
            line.position[language],
            str(line.units),
            _money(line.salary),
            _money(line.monthly),
        )
        for line in data.lines
    ]
    _add_rows(grid, widths, texts, language)
    add_row(
        grid, widths, (TOTAL[language], "", str(data.units), "", _money(data.monthly)), language=language, bold=True
    )
    if data.compared is not None:
        _add_comparison(document, data.compared, language, text_width)
    return to_bytes(document)


def _change_texts(change: Change, language: str) -> tuple[str, ...]:
    def part(values, index, show):
        return show(values[index]) if values else ""

    return (
        CHANGE_KINDS[language][change.kind],
        change.subdivision[language],
        change.position[language],
        part(change.before, 0, str),
        part(change.after, 0, str),
        part(change.before, 1, _money),
        part(change.after, 1, _money),
    )


def _add_comparison(document, compared: Compared, language: str, text_width) -> None:
    paragraph(
        document,
        COMPARED[language].format(title=compared.title, date=compared.effective_from),
        language=language,
        bold=True,
        align="center",
        space_after=6,
    )
    widths = (Mm(28), text_width - Mm(208), Mm(60), Mm(30), Mm(30), Mm(30), Mm(30))
    grid = table(document, widths)
    add_row(grid, widths, CHANGE_HEADINGS[language], language=language, bold=True)
    _add_rows(grid, widths, [_change_texts(change, language) for change in compared.changes], language)
    (units_before, monthly_before), (units_after, monthly_after) = compared.totals_before, compared.totals_after
    totals = (
        TOTALS_COMPARED[language],
        "",
        "",
        str(units_before),
        str(units_after),
        _money(monthly_before),
        _money(monthly_after),
    )
    add_row(grid, widths, totals, language=language, bold=True)


def build_staffing_xlsx(data: StaffingDocument) -> bytes:
    """One sheet per language, the amounts as numbers."""
    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)
    for language in ("ky", "ru"):
        sheet = workbook.create_sheet(language)
        sheet.append([TITLE[language], data.title, IN_FORCE[language].format(date=data.effective_from)])
        sheet.append(list(HEADINGS[language]))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for line in data.lines:
            sheet.append([line.subdivision[language], line.position[language], line.units, line.salary, line.monthly])
        sheet.append([TOTAL[language], "", data.units, None, data.monthly])
        sheet.column_dimensions["A"].width = 50
        sheet.column_dimensions["B"].width = 35
    if data.compared is not None:
        for language in ("ky", "ru"):
            _comparison_sheet(workbook.create_sheet(f"{language} ±"), data.compared, language)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _comparison_sheet(sheet, compared: Compared, language: str) -> None:
    """The comparison with another version: one row per change, both versions' totals last."""
    sheet.append([COMPARED[language].format(title=compared.title, date=compared.effective_from)])
    sheet.append(list(CHANGE_HEADINGS[language]))
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for change in compared.changes:
        before, after = change.before or (None, None), change.after or (None, None)
        sheet.append(
            [
                CHANGE_KINDS[language][change.kind],
                change.subdivision[language],
                change.position[language],
                before[0],
                after[0],
                before[1],
                after[1],
            ]
        )
    (units_before, monthly_before), (units_after, monthly_after) = compared.totals_before, compared.totals_after
    sheet.append([TOTALS_COMPARED[language], "", "", units_before, units_after, monthly_before, monthly_after])
    sheet.column_dimensions["B"].width = 50
    sheet.column_dimensions["C"].width = 35


# The vacancy report on a date: the rows the report page shows its reader, with their totals.

VACANCY_TITLE = {"ky": "БОШ КЫЗМАТ ОРУНДАРЫ", "ru": "ВАКАНТНЫЕ ДОЛЖНОСТИ"}
VACANCY_ON = {"ky": "{date} карата", "ru": "по состоянию на {date}"}
VACANCY_HEADINGS = {
    "ky": ("Түзүмдүк бөлүм", "Кызмат орду", "Бирдик", "Ээленген", "Бош"),
    "ru": ("Подразделение", "Должность", "Единиц", "Занято", "Вакантно"),
}


def _vacancy_totals(vacancies) -> tuple[int, int, int]:
    return (
        sum(v.units for v in vacancies),
        sum(v.occupied for v in vacancies),
        sum(v.vacant for v in vacancies),
    )


def build_vacancies_docx(vacancies, day, *, language: str = "ky", agency=None) -> bytes:
    """The report as an official .docx: landscape, on the letterhead, the date under the title."""
    document = new_document(language=language)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    add_letterhead(document, agency_letterhead(agency))
    paragraph(document, VACANCY_TITLE[language], language=language, bold=True, align="center")
    paragraph(
        document, VACANCY_ON[language].format(date=f"{day:%d.%m.%Y}"), language=language, align="center", space_after=6
    )
    text_width = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
    widths = (text_width - Mm(135), Mm(75), Mm(20), Mm(20), Mm(20))
    grid = table(document, widths)
    add_row(grid, widths, VACANCY_HEADINGS[language], language=language, bold=True)
    texts = [
        (
            _names(v.subdivision, "name")[language],
            _names(v.position, "title")[language],
            str(v.units),
            str(v.occupied),
            str(v.vacant),
        )
        for v in vacancies
    ]
    _add_rows(grid, widths, texts, language)
    units, occupied, vacant = _vacancy_totals(vacancies)
    add_row(grid, widths, (TOTAL[language], "", str(units), str(occupied), str(vacant)), language=language, bold=True)
    return to_bytes(document)


def build_vacancies_xlsx(vacancies, day, *, language: str = "ky") -> bytes:
    """One sheet per language, the reader's first; the figures as numbers, the totals last."""
    workbook = Workbook(write_only=False)
    workbook.remove(workbook.active)
    units, occupied, vacant = _vacancy_totals(vacancies)
    for lang in sorted(("ky", "ru"), key=lambda code: code != language):
        sheet = workbook.create_sheet(lang)
        sheet.append([VACANCY_TITLE[lang], VACANCY_ON[lang].format(date=f"{day:%d.%m.%Y}")])
        sheet.append(list(VACANCY_HEADINGS[lang]))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for v in vacancies:
            sheet.append(
                [_names(v.subdivision, "name")[lang], _names(v.position, "title")[lang], v.units, v.occupied, v.vacant]
            )
        sheet.append([TOTAL[lang], "", units, occupied, vacant])
        sheet.column_dimensions["A"].width = 50
        sheet.column_dimensions["B"].width = 35
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
