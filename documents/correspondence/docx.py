"""The registration card (регистрационно-контрольная карточка) of a document, after the model
instruction on record-keeping: the registration data above, then the rows the resolution and its
execution fill in by hand on the printed card. Labels in Kyrgyz and Russian; the subject and the
summary as the document has them."""

from collections.abc import Callable

from docx.shared import Mm

from documents.correspondence.models import Correspondence
from documents.docx.letterhead import (
    TEXT_WIDTH,
    add_letterhead,
    add_row,
    agency_letterhead,
    new_document,
    paragraph,
    to_bytes,
)
from documents.docx.letterhead import table as new_table

TITLE = {
    "incoming": (
        "КИРҮҮЧҮ ДОКУМЕНТТИН КАТТОО-КӨЗӨМӨЛ КАРТОЧКАСЫ",
        "РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ КАРТОЧКА ВХОДЯЩЕГО ДОКУМЕНТА",
    ),
    "outgoing": ("ЧЫГУУЧУ ДОКУМЕНТТИН КАТТОО КАРТОЧКАСЫ", "РЕГИСТРАЦИОННАЯ КАРТОЧКА ИСХОДЯЩЕГО ДОКУМЕНТА"),
    "internal": (
        "ИЧКИ ДОКУМЕНТТИН КАТТОО-КӨЗӨМӨЛ КАРТОЧКАСЫ",
        "РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ КАРТОЧКА ВНУТРЕННЕГО ДОКУМЕНТА",
    ),
}
LABELS = (
    ("number", "Каттоо номери", "Регистрационный номер"),
    ("registered_on", "Катталган күнү", "Дата регистрации"),
    ("correspondent", "Корреспондент", "Корреспондент"),
    ("their", "Документтин күнү жана номери", "Дата и номер документа"),
    ("subject", "Документтин темасы", "Заголовок документа"),
    ("summary", "Кыскача мазмуну", "Краткое содержание"),
    ("links", "Байланыштуу документтер", "Связанные документы"),
    ("file", "Катталган версия, SHA-256", "Зарегистрированная версия, SHA-256"),
)
BLANKS = (
    ("Резолюция", "Резолюция"),
    ("Аткаруучу", "Исполнитель"),
    ("Аткаруу мөөнөтү", "Срок исполнения"),
    ("Аткаруу жөнүндө белги", "Отметка об исполнении"),
    ("Ишке тиркелди", "Документ подшит в дело"),
)


def card_data(document: Correspondence) -> dict:
    """What the card shows, read once."""
    links = []
    if document.reply_to_id:
        links.append(f"→ {document.reply_to}")
    if document.follows_from_id:
        links.append(f"⇐ {document.follows_from}")
    if document.appeal_id:
        links.append(f"✉ {document.appeal.number}")
    versions = list(document.files.all())
    registered = versions[-1] if versions else None
    their = f"{document.document_date:%d.%m.%Y}"
    if document.correspondent_number:
        their += f" № {document.correspondent_number}"
    return {
        "kind": document.kind,
        "language": document.language,
        "registered_on": f"{document.registered_on:%d.%m.%Y}" if document.registered_on else "",
        "correspondent": document.correspondent,
        "their": their,
        "subject": document.subject,
        "summary": document.summary,
        "links": "; ".join(links),
        "file": f"v{registered.version}: {registered.name}, {registered.sha256}" if registered else "",
    }


def build_card(data: dict, letterhead) -> bytes:
    document = new_document(letterhead)
    add_letterhead(document, letterhead)
    ky, ru = TITLE[data["kind"]]
    paragraph(document, ky, language="ky", bold=True, align="center")
    paragraph(document, ru, language="ru", bold=True, align="center", space_after=12)
    widths = (Mm(70), TEXT_WIDTH - Mm(70))
    card = new_table(document, widths)
    for key, label_ky, label_ru in LABELS:
        language = data["language"] if key in ("subject", "summary") else "ru"
        add_row(card, widths, [f"{label_ky} / {label_ru}", data[key]], language=language)
    for label_ky, label_ru in BLANKS:
        add_row(card, widths, [f"{label_ky} / {label_ru}", ""])
    return to_bytes(document)


def card_renderer(document: Correspondence) -> Callable[[Correspondence], bytes]:
    head = agency_letterhead()
    data = card_data(document)

    def build(registered: Correspondence) -> bytes:
        return build_card({**data, "number": registered.number_display}, head)

    return build
