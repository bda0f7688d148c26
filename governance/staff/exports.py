"""A version of the staffing table as an official .docx (landscape, on the shared letterhead) and as
an .xlsx workbook: a selector gathers the rows once, pure functions build the files."""

import io
from dataclasses import dataclass
from decimal import Decimal

from docx.enum.section import WD_ORIENT
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
    new_document,
    paragraph,
    table,
    to_bytes,
)
from governance.agency.models import AgencySettings
from governance.orders.docx import letterhead
from governance.staff.models import StaffingTable

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
    rows = table_.rows.select_related("subdivision", "position").order_by("subdivision__sort_order", "pk")
    return StaffingDocument(
        title=table_.title,
        effective_from=f"{table_.effective_from:%d.%m.%Y}",
        lines=[
            Line(
                {"ky": row.subdivision.name_ky, "ru": row.subdivision.name_ru},
                {"ky": row.position.title_ky, "ru": row.position.title_ru},
                row.units,
                row.monthly_salary,
            )
            for row in rows
        ],
    )


def _money(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", " ")


def build_staffing_docx(data: StaffingDocument, *, language: str = "ky", agency=None) -> bytes:
    document = new_document(language=language)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = PAGE_HEIGHT, PAGE_WIDTH
    add_letterhead(document, letterhead(agency))
    paragraph(document, TITLE[language], language=language, bold=True, align="center")
    paragraph(document, data.title, language=language, align="center")
    paragraph(
        document, IN_FORCE[language].format(date=data.effective_from), language=language, align="center", space_after=6
    )
    text_width = PAGE_HEIGHT - MARGIN_LEFT - MARGIN_RIGHT
    widths = (text_width - Mm(145), Mm(75), Mm(20), Mm(25), Mm(25))
    grid = table(document, widths)
    add_row(grid, widths, HEADINGS[language], language=language, bold=True)
    for line in data.lines:
        add_row(
            grid,
            widths,
            (
                line.subdivision[language],
                line.position[language],
                str(line.units),
                _money(line.salary),
                _money(line.monthly),
            ),
            language=language,
        )
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


def default_agency():
    return AgencySettings.objects.filter(site__is_default_site=True).select_related("emblem").first()
