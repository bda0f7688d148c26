"""The awards' official .docx forms: the certificate of an award (one per award, in the recipient's
language) and the submission of a state award or honorary title to the Government (Kyrgyz, then
Russian). A selector gathers the data, a pure function builds the document on the shared letterhead.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from docx.shared import Mm, Pt

from documents.docx.letterhead import (
    TEXT_WIDTH,
    Letterhead,
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
from governance.awards.models import Award, Nomination
from governance.staff.selectors import post_on

WORDS = {
    "ky": {
        "awarded": "ыйгарылат",
        "for": "Негиз:",
        "order": "Буйрук № {number}, {date}",
        "place": "Бишкек шаары",
        "chairman": "Төрага",
        "acting": "Төраганын милдетин аткаруучу",
        "submission": "КЫРГЫЗ РЕСПУБЛИКАСЫНЫН ӨКМӨТҮНӨ СУНУШ",
        "subject": "Мамлекеттик сыйлык же ардактуу наам берүү жөнүндө",
        "sections": (
            "1. Сыйлыкка көрсөтүлгөн",
            "2. Сунушталган сыйлык же наам",
            "3. Сыйлыкка көрсөтүүнүн негиздери",
            "4. Кызматтын чечими",
        ),
        "post": "Кызмат орду: {post}",
        "approved": "Төрага {date} макулдаган.",
        "collegium": "Коллегиянын {date} № {number} чечими менен колдоого алынган.",
        "earlier": "Мурда алган сыйлыктары:",
        "none": "жок",
    },
    "ru": {
        "awarded": "награждается",
        "for": "Основание:",
        "order": "Приказ № {number} от {date}",
        "place": "город Бишкек",
        "chairman": "Председатель",
        "acting": "Исполняющий обязанности председателя",
        "submission": "ПРЕДСТАВЛЕНИЕ В ПРАВИТЕЛЬСТВО КЫРГЫЗСКОЙ РЕСПУБЛИКИ",
        "subject": "О присвоении государственной награды или почётного звания",
        "sections": (
            "1. Представляемый к награде",
            "2. Предлагаемая награда или звание",
            "3. Основания представления",
            "4. Решение Службы",
        ),
        "post": "Должность: {post}",
        "approved": "Одобрено председателем {date}.",
        "collegium": "Поддержано решением коллегии № {number} от {date}.",
        "earlier": "Ранее полученные награды:",
        "none": "нет",
    },
}


def _date(day: datetime.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def _signature(document, language: str, acting: bool, signatory: str) -> None:
    words = WORDS[language]
    paragraph(document, "", language=language, space_after=24)
    widths = (TEXT_WIDTH - Mm(60), Mm(60))
    role, name = set_row_widths(table(document, widths, rows=1, borders=False).rows[0], widths)
    cell_text(role, words["acting"] if acting else words["chairman"], language=language, bold=True)
    cell_text(name, signatory, language=language, bold=True, align="right")


# The certificate.


@dataclass(frozen=True)
class CertificateData:
    letterhead: Letterhead
    language: str
    award: str
    recipient: str
    grounds: str
    order_number: str
    conferred_on: datetime.date
    signatory: str
    acting: bool


def certificate_data(award: Award, agency: AgencySettings | None = None) -> CertificateData:
    language = award.language
    order = award.order
    return CertificateData(
        letterhead=agency_letterhead(agency),
        language=language,
        award=award.kind.name(language),
        recipient=award.recipient(language),
        grounds=award.nomination.grounds(language),
        order_number=order.number_display,
        conferred_on=award.conferred_on,
        signatory=short_name(order.signed_by),
        acting=order.signed_as_acting,
    )


def build_certificate(data: CertificateData):
    """The certificate as a python-docx ``Document``; no database access."""
    language, words = data.language, WORDS[data.language]
    document = new_document(data.letterhead, language=language)
    paragraph(document, "", language=language, space_after=36)
    paragraph(document, data.award.upper(), language=language, bold=True, align="center", size=Pt(24), space_after=24)
    paragraph(document, data.recipient, language=language, bold=True, align="center", size=Pt(18), space_after=6)
    paragraph(document, words["awarded"], language=language, align="center", space_after=18)
    paragraph(document, f"{words['for']} {data.grounds}", language=language, align="justify", indent=True)
    _signature(document, language, data.acting, data.signatory)
    paragraph(document, "", language=language, space_after=12)
    order = words["order"].format(number=data.order_number, date=_date(data.conferred_on))
    paragraph(document, order, language=language, align="left")
    paragraph(document, words["place"], language=language, align="left")
    return document


def render_certificate(award: Award, agency: AgencySettings | None = None) -> bytes:
    return to_bytes(build_certificate(certificate_data(award, agency)))


# The submission of a state award or an honorary title to the Government.


@dataclass(frozen=True)
class SubmissionData:
    letterhead: Letterhead
    names: dict[str, str]
    posts: dict[str, str]
    awards: dict[str, str]
    grounds: dict[str, str]
    earlier: dict[str, list[str]]
    decided_on: datetime.date | None
    collegium: tuple[str, datetime.date | None] | None
    signatory: str


def submission_data(nomination: Nomination, agency: AgencySettings | None = None) -> SubmissionData:
    posts = {"ky": "", "ru": ""}
    earlier = {"ky": [], "ru": []}
    if nomination.employee_id is not None:
        post = post_on(nomination.employee, nomination.decided_on or timezone.localdate())
        if post is not None:
            for language in posts:
                posts[language] = f"{post.position.title(language)}, {post.subdivision.name(language)}"
        for award in Award.objects.filter(employee_id=nomination.employee_id).select_related("kind", "order"):
            for language in earlier:
                earlier[language].append(f"{award.kind.name(language)} ({_date(award.conferred_on)})")
    collegium = None
    if nomination.collegium_decision_id is not None:
        decision = nomination.collegium_decision
        collegium = (decision.number_display, decision.registered_on)
    return SubmissionData(
        letterhead=agency_letterhead(agency),
        names={"ky": nomination.name_ky, "ru": nomination.name_ru},
        posts=posts,
        awards={"ky": nomination.kind.name_ky, "ru": nomination.kind.name_ru},
        grounds={"ky": nomination.grounds_ky, "ru": nomination.grounds_ru},
        earlier=earlier,
        decided_on=nomination.decided_on,
        collegium=collegium,
        signatory=short_name(nomination.decided_by),
    )


def _submission_text(document, data: SubmissionData, language: str) -> None:
    words = WORDS[language]
    paragraph(document, words["submission"], language=language, bold=True, align="center", space_after=6)
    paragraph(document, words["subject"], language=language, bold=True, align="center", space_after=12)
    nominee, proposed, grounds, decision = words["sections"]
    paragraph(document, nominee, language=language, bold=True, space_after=3)
    paragraph(document, data.names[language], language=language, indent=True)
    if data.posts[language]:
        paragraph(document, words["post"].format(post=data.posts[language]), language=language, indent=True)
    earlier = ", ".join(data.earlier[language]) or words["none"]
    paragraph(document, f"{words['earlier']} {earlier}", language=language, indent=True, space_after=6)
    paragraph(document, proposed, language=language, bold=True, space_after=3)
    paragraph(document, data.awards[language], language=language, indent=True, space_after=6)
    paragraph(document, grounds, language=language, bold=True, space_after=3)
    for block in data.grounds[language].splitlines():
        if block.strip():
            paragraph(document, block.strip(), language=language, align="justify", indent=True)
    paragraph(document, decision, language=language, bold=True, space_after=3)
    if data.collegium is not None:
        number, day = data.collegium
        paragraph(document, words["collegium"].format(number=number, date=_date(day)), language=language, indent=True)
    paragraph(document, words["approved"].format(date=_date(data.decided_on)), language=language, indent=True)
    _signature(document, language, False, data.signatory)


def build_submission(data: SubmissionData):
    """The submission as a python-docx ``Document``: Kyrgyz, then Russian; no database access."""
    document = new_document(data.letterhead, language="ky")
    _submission_text(document, data, "ky")
    page_break(document)
    _submission_text(document, data, "ru")
    return document


def render_submission(nomination: Nomination, agency: AgencySettings | None = None) -> bytes:
    return to_bytes(build_submission(submission_data(nomination, agency)))
