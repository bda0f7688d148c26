"""The shared official blank: A4, margins and font of Kyrgyz record-keeping, the agency's names in
both languages around its emblem, page numbers, and the small helpers every form uses.

The model instruction on record-keeping (Government resolution No. 517 of 23 July 2012) asks for
A4 paper, margins of 30 mm on the left, 10 mm on the right and 20 mm at the top and bottom, and
page numbers in the middle of the top margin from the second page on.
"""

import io
from collections.abc import Sequence
from dataclasses import dataclass

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

FONT = "Times New Roman"  # Liberation Serif stands in with the same metrics where it is missing
SIZE = Pt(14)
SMALL = Pt(12)
LANGUAGES = {"ky": "ky-KG", "ru": "ru-RU"}
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = Mm(30), Mm(10), Mm(20), Mm(20)
TEXT_WIDTH = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
FIRST_LINE_INDENT = Mm(12.5)
ALIGNMENTS = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


@dataclass(frozen=True)
class Letterhead:
    """What the blank shows of the agency."""

    name_ky: str
    name_ru: str
    emblem: bytes | None = None  # an image file (PNG or JPEG)


def agency_letterhead(agency=None) -> Letterhead:
    """The blank of ``agency`` (``AgencySettings``), by default the default site's; empty names
    where no agency is configured."""
    from governance.agency.models import AgencySettings

    if agency is None:
        agency = AgencySettings.objects.filter(site__is_default_site=True).select_related("emblem").first()
    if agency is None:
        return Letterhead(name_ky="", name_ru="")
    emblem = None
    if agency.emblem_id:
        with agency.emblem.open_file() as image:
            emblem = image.read()
    return Letterhead(name_ky=agency.full_name_ky, name_ru=agency.full_name_ru, emblem=emblem)


def short_name(user) -> str:
    """How a signature block names a person: "Азамат Токтосунов" → "А. Токтосунов"."""
    if user is None:
        return ""
    first, last = user.first_name.strip(), user.last_name.strip()
    return f"{first[:1]}. {last}" if first and last else (last or first or user.get_username())


def _set_fonts(r_pr, language: str) -> None:
    """Times New Roman in every font slot (Latin, complex script, East Asian) and the language."""
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), FONT)
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.append(lang)
    for slot in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(slot), LANGUAGES[language])


def new_document(letterhead: Letterhead | None = None, *, language: str = "ky") -> Document:
    """An empty A4 document with the official font and margins, and the letterhead when given."""
    document = Document()
    style = document.styles["Normal"]
    style.font.name = FONT
    style.font.size = SIZE
    _set_fonts(style.element.get_or_add_rPr(), language)
    style.paragraph_format.space_after = Pt(0)
    style.paragraph_format.space_before = Pt(0)
    style.paragraph_format.line_spacing = 1.0

    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.header_distance = Mm(10)
    section.different_first_page_header_footer = True
    page_number(section.header.paragraphs[0])
    if letterhead is not None:
        add_letterhead(document, letterhead)
    return document


def page_number(paragraph) -> None:
    """A PAGE field in the middle of ``paragraph`` (python-docx has no field API)."""
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run()
    _set_fonts(run._r.get_or_add_rPr(), "ky")
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    shown = OxmlElement("w:t")
    shown.text = "2"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)


def paragraph(
    document_or_cell,
    text: str = "",
    *,
    language: str = "ky",
    bold: bool = False,
    align: str = "left",
    indent: bool = False,
    size=None,
    space_after: int = 0,
):
    """A paragraph of one run, in the official font, tagged with its language."""
    result = document_or_cell.add_paragraph()
    result.alignment = ALIGNMENTS[align]
    if indent:
        result.paragraph_format.first_line_indent = FIRST_LINE_INDENT
    if space_after:
        result.paragraph_format.space_after = Pt(space_after)
    run = result.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = size
    _set_fonts(run._r.get_or_add_rPr(), language)
    return result


def table(document, widths: Sequence, rows: int = 0, *, borders: bool = True):
    """A table whose column widths are set on the grid (LibreOffice) and on every cell (Word)."""
    result = document.add_table(rows=rows, cols=len(widths))
    result.alignment = WD_TABLE_ALIGNMENT.CENTER
    result.autofit = False
    if borders:
        result.style = document.styles["Table Grid"]
    for column, width in zip(result.columns, widths, strict=True):
        column.width = width
    for row in result.rows:
        set_row_widths(row, widths)
    return result


def set_row_widths(row, widths: Sequence) -> list:
    """Set each cell's width, reading ``row.cells`` once (``table.cell(r, c)`` re-reads the table)."""
    cells = row.cells
    for cell, width in zip(cells, widths, strict=True):
        cell.width = width
    return cells


def cell_text(cell, text: str, *, language: str = "ky", bold: bool = False, align: str = "left", size=None) -> None:
    """Write ``text`` into the first paragraph of a table cell."""
    cell_paragraph = cell.paragraphs[0]
    cell_paragraph.alignment = ALIGNMENTS[align]
    run = cell_paragraph.add_run(text)
    run.bold = bold
    if size is not None:
        run.font.size = size
    _set_fonts(run._r.get_or_add_rPr(), language)


def add_row(table_, widths: Sequence, texts: Sequence[str], *, language: str = "ky", bold: bool = False) -> None:
    cells = set_row_widths(table_.add_row(), widths)
    for cell, text in zip(cells, texts, strict=True):
        cell_text(cell, text, language=language, bold=bold, size=SMALL)


def add_letterhead(document, letterhead: Letterhead) -> None:
    """The agency's Kyrgyz name, the emblem and the Russian name side by side."""
    widths = (Mm(75), TEXT_WIDTH - Mm(150), Mm(75))
    head = table(document, widths, rows=1, borders=False)
    ky, middle, ru = set_row_widths(head.rows[0], widths)
    cell_text(ky, letterhead.name_ky.upper(), language="ky", bold=True, align="center", size=SMALL)
    cell_text(ru, letterhead.name_ru.upper(), language="ru", bold=True, align="center", size=SMALL)
    middle.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    if letterhead.emblem:
        middle.paragraphs[0].add_run().add_picture(io.BytesIO(letterhead.emblem), width=Mm(22))
    rule = paragraph(document, "", space_after=6)
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "double"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    rule._p.get_or_add_pPr().append(border)


def page_break(document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def to_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
