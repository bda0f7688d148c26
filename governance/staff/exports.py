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
from governance.structure.models import Position, Subdivision

HEADINGS = {
    "ky": ("Түзүмдүк бөлүм", "Кызмат орду", "Бирдик", "Айлык маяна", "Айына бардыгы"),
    "ru": ("Подразделение", "Должность", "Единиц", "Оклад", "Всего в месяц"),
}
TITLE = {"ky": "ШТАТТЫК ЫРААТТАМА", "ru": "ШТАТНОЕ РАСПИСАНИЕ"}
IN_FORCE = {"ky": "{date} баштап күчүнө кирет", "ru": "Вводится в действие с {date}"}
TOTAL = {"ky": "Бардыгы", "ru": "Итого"}


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
class StaffingDocument:
    title: str
    effective_from: str
    lines: list[Line]

    @property
    def units(self) -> int:
        return sum(line.units for line in self.lines)

    @property
    def monthly(self) -> Decimal:
        return sum((line.monthly for line in self.lines), Decimal(0))


def staffing_document_data(table_: StaffingTable) -> StaffingDocument:
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
    return to_bytes(document)


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
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
