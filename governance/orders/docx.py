"""The official .docx of an order: a selector gathers the data, a pure function builds the document.

The Kyrgyz text (the original) comes first, the Russian text follows under the same number and
date, and the approval sheet closes the document on its own page.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, replace

from django.utils import timezone
from docx.shared import Mm

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
from governance.agency.models import AgencySettings
from governance.orders.models import Order

WORDS = {
    # language: heading, place, operative formula, chairman, acting chairman, approval sheet
    "ky": {
        "heading": "БУЙРУК",
        "place": "Бишкек шаары",
        "formula": "буйрук кылам:",
        "chairman": "Төрага",
        "acting": "Төраганын милдетин аткаруучу",
        "sheet": "МАКУЛДАШУУ БАРАГЫ",
        "columns": ("№", "Макулдашуучу", "Чечим", "Күнү", "Эскертүү"),
        "decisions": {"pending": "күтүүдө", "approved": "макулдашылды", "rejected": "четке кагылды"},
    },
    "ru": {
        "heading": "ПРИКАЗ",
        "place": "город Бишкек",
        "formula": "приказываю:",
        "chairman": "Председатель",
        "acting": "Исполняющий обязанности председателя",
        "sheet": "ЛИСТ СОГЛАСОВАНИЯ",
        "columns": ("№", "Согласующий", "Решение", "Дата", "Замечания"),
        "decisions": {"pending": "ожидается", "approved": "согласовано", "rejected": "отклонено"},
    },
}


@dataclass(frozen=True)
class Approval:
    name: str
    decision: str
    decided_on: datetime.date | None
    comment: str


@dataclass(frozen=True)
class OrderDocument:
    """Everything the document shows, read once from the database."""

    letterhead: Letterhead
    number: str
    signed_on: datetime.date | None
    titles: dict[str, str]
    preambles: dict[str, str]
    points: list[dict[str, str]]
    signatory: str
    acting: bool
    approvals: list[Approval]


def order_document_data(order: Order, agency: AgencySettings | None = None) -> OrderDocument:
    points = list(order.points.all())
    approvals = list(order.approvals.select_related("approver"))
    return OrderDocument(
        letterhead=agency_letterhead(agency),
        number=order.number_display,
        signed_on=order.signed_on,
        titles={"ky": order.title_ky, "ru": order.title_ru},
        preambles={"ky": order.preamble_ky, "ru": order.preamble_ru},
        points=[{"ky": point.text_ky, "ru": point.text_ru} for point in points],
        signatory=short_name(order.signed_by),
        acting=order.signed_as_acting,
        approvals=[
            Approval(
                name=approval.approver.get_full_name() or approval.approver.get_username(),
                decision=approval.decision,
                decided_on=timezone.localdate(approval.decided_at) if approval.decided_at else None,
                comment=approval.comment,
            )
            for approval in approvals
        ],
    )


def _date(day: datetime.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else "«___» ____________ 20__"


def _text(document, data: OrderDocument, language: str) -> None:
    words = WORDS[language]
    paragraph(document, words["heading"], language=language, bold=True, align="center", space_after=12)
    widths = (TEXT_WIDTH // 2, TEXT_WIDTH - TEXT_WIDTH // 2)
    date, number = set_row_widths(table(document, widths, rows=1, borders=False).rows[0], widths)
    cell_text(date, _date(data.signed_on), language=language)
    cell_text(number, f"№ {data.number or '____'}", language=language, align="right")
    paragraph(document, words["place"], language=language, align="center", space_after=12)
    paragraph(document, data.titles[language], language=language, bold=True, align="center", space_after=12)
    if data.preambles[language]:
        for block in data.preambles[language].splitlines():
            if block.strip():
                paragraph(document, block.strip(), language=language, align="justify", indent=True)
    paragraph(document, words["formula"], language=language, bold=True, space_after=6)
    for position, point in enumerate(data.points, start=1):
        paragraph(document, f"{position}. {point[language]}", language=language, align="justify", indent=True)
    paragraph(document, "", language=language, space_after=24)
    widths = (TEXT_WIDTH - Mm(60), Mm(60))
    role, name = set_row_widths(table(document, widths, rows=1, borders=False).rows[0], widths)
    cell_text(role, words["acting"] if data.acting else words["chairman"], language=language, bold=True)
    cell_text(name, data.signatory, language=language, bold=True, align="right")


def _approval_sheet(document, data: OrderDocument) -> None:
    ky, ru = WORDS["ky"], WORDS["ru"]
    paragraph(document, f"{ky['sheet']} / {ru['sheet']}", bold=True, align="center", space_after=12)
    widths = (Mm(10), Mm(55), Mm(40), Mm(25), TEXT_WIDTH - Mm(130))
    sheet = table(document, widths)
    add_row(sheet, widths, [f"{a} / {b}" if a != b else a for a, b in zip(ky["columns"], ru["columns"], strict=True)])
    for position, approval in enumerate(data.approvals, start=1):
        decision = f"{ky['decisions'][approval.decision]} / {ru['decisions'][approval.decision]}"
        add_row(
            sheet, widths, [str(position), approval.name, decision, _date(approval.decided_on)[:10], approval.comment]
        )


def build_order_document(data: OrderDocument):
    """The order as a python-docx ``Document``; no database access."""
    document = new_document(data.letterhead, language="ky")
    _text(document, data, "ky")
    page_break(document)
    _text(document, data, "ru")
    page_break(document)
    _approval_sheet(document, data)
    return document


def render_order(order: Order, agency: AgencySettings | None = None) -> bytes:
    return to_bytes(build_order_document(order_document_data(order, agency)))


def order_renderer(order: Order) -> Callable[[Order], bytes]:
    """The registration's renderer: reads everything now, builds once the number is taken."""
    data = order_document_data(order)
    return lambda registered: to_bytes(build_order_document(replace(data, number=registered.number_display)))


def file_name(order: Order, extension: str = "docx") -> str:
    number = (order.number_display or f"draft-{order.pk}").replace("/", "-")
    return f"order-{order.year or 'draft'}-{number}.{extension}"


def annex_file_name(attachment) -> str:
    """``order-2026-12-annex-1.pdf``: the order's file name, the annex's place and its extension."""
    position = list(attachment.order.attachments.values_list("pk", flat=True)).index(attachment.pk) + 1
    extension = attachment.file.name.rsplit(".", 1)[-1] if "." in attachment.file.name else "bin"
    return f"{file_name(attachment.order).removesuffix('.docx')}-annex-{position}.{extension}"
