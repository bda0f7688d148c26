"""The chairman's proposal (сунуш / представление) to the Prime Minister for actions on nomenclature
posts, on the shared letterhead: a selector gathers the data once, a pure function builds the Document."""

import datetime
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from documents.docx.letterhead import (
    Letterhead,
    agency_letterhead,
    new_document,
    paragraph,
    short_name,
    to_bytes,
)
from governance.staff.enums import ActionKind, ActionStatus
from governance.staff.models import PersonnelAction

WORDS = {
    "ky": {
        "addressee": "Кыргыз Республикасынын Премьер-министрине",
        "title": "СУНУШ",
        "opening": "{agency} Кыргыз Республикасынын Премьер-министринин номенклатурасына кирген кызмат орундары "
        "боюнча төмөнкүлөрдү кароого сунуштайт:",
        "from": "{date} баштап",
        "grounds": "Негиз: {grounds}.",
        "chairman": "Төрага",
    },
    "ru": {
        "addressee": "Премьер-министру Кыргызской Республики",
        "title": "ПРЕДСТАВЛЕНИЕ",
        "opening": "{agency} вносит на рассмотрение по должностям, входящим в номенклатуру Премьер-министра "
        "Кыргызской Республики:",
        "from": "с {date}",
        "grounds": "Основание: {grounds}.",
        "chairman": "Председатель",
    },
}
# What is proposed for the candidate, by kind of action.
PROPOSED = {
    "ky": {
        ActionKind.APPOINTMENT: "{subdivision} {position} кызматына дайындоо",
        ActionKind.TRANSFER: "{subdivision} {position} кызматына которуу",
        ActionKind.ACTING: "{subdivision} {position} кызматынын милдетин аткарууну жүктөө",
        ActionKind.DISMISSAL: "{subdivision} {position} кызматынан бошотуу",
    },
    "ru": {
        ActionKind.APPOINTMENT: "о назначении на должность «{position}» ({subdivision})",
        ActionKind.TRANSFER: "о переводе на должность «{position}» ({subdivision})",
        ActionKind.ACTING: "о возложении исполнения обязанностей по должности «{position}» ({subdivision})",
        ActionKind.DISMISSAL: "об освобождении от должности «{position}» ({subdivision})",
    },
}


@dataclass(frozen=True)
class Candidate:
    name: dict  # language → text
    subdivision: dict
    position: dict
    kind: str
    date: datetime.date
    grounds: dict


@dataclass(frozen=True)
class Proposal:
    day: datetime.date  # the day the proposal is made
    candidates: list[Candidate]
    chairman: str  # the signature block's name


def _both(obj, field: str) -> dict:
    return {"ky": getattr(obj, f"{field}_ky"), "ru": getattr(obj, f"{field}_ru")}


def nomenclature_proposal_data(actions: Sequence[PersonnelAction], *, day: datetime.date | None = None) -> Proposal:
    """Read what the proposal shows; refuse an action that is not a pending one on a nomenclature post."""
    actions = list(
        PersonnelAction.objects.filter(pk__in=[a.pk for a in actions])
        .select_related("employee", "subdivision", "position")
        .order_by("date", "pk")
    )
    if not actions:
        raise ValidationError(_("Choose the personnel actions the proposal carries."), code="empty")
    candidates = []
    for action in actions:
        post = action.nomenclature_post()
        if post is None:
            raise ValidationError(
                _("The post is not on the nomenclature: the action takes effect by the agency's personnel order."),
                code="not_nomenclature",
            )
        if action.status != ActionStatus.PROPOSAL:
            raise ValidationError(_("Only a pending proposal is proposed to the Prime Minister."), code="status")
        subdivision, position = post
        candidates.append(
            Candidate(
                name=_both(action.employee, "full_name"),
                subdivision=_both(subdivision, "name"),
                position=_both(position, "title"),
                kind=action.kind,
                date=action.date,
                grounds=_both(action, "grounds"),
            )
        )
    chairman = get_user_model().objects.filter(is_active=True, groups__role__code="chairman").order_by("pk").first()
    return Proposal(day=day or timezone.localdate(), candidates=candidates, chairman=short_name(chairman))


def build_nomenclature_proposal(data: Proposal, letterhead: Letterhead, *, language: str = "ky"):
    """The proposal as a Document in ``language``: addressee, title, one numbered paragraph per candidate
    (the candidate, what is proposed, from which day, on what grounds), the chairman's signature."""
    words = WORDS[language]
    agency = letterhead.name_ky if language == "ky" else letterhead.name_ru
    document = new_document(letterhead, language=language)
    paragraph(document, f"{data.day:%d.%m.%Y}", language=language, space_after=12)
    paragraph(document, words["addressee"], language=language, bold=True, align="right", space_after=12)
    paragraph(document, words["title"], language=language, bold=True, align="center", space_after=12)
    paragraph(document, words["opening"].format(agency=agency), language=language, align="justify", indent=True)
    for number, candidate in enumerate(data.candidates, start=1):
        proposed = PROPOSED[language][candidate.kind].format(
            subdivision=candidate.subdivision[language], position=candidate.position[language]
        )
        start = words["from"].format(date=f"{candidate.date:%d.%m.%Y}")
        grounds = words["grounds"].format(grounds=candidate.grounds[language].rstrip("."))
        paragraph(
            document,
            f"{number}. {candidate.name[language]} — {proposed}, {start}. {grounds}",
            language=language,
            align="justify",
            indent=True,
        )
    paragraph(document, "", language=language, space_after=24)
    paragraph(document, f"{words['chairman']}\t\t\t\t\t{data.chairman}", language=language, bold=True)
    return document


def nomenclature_proposal_docx(actions: Sequence[PersonnelAction], *, language: str = "ky", agency=None) -> bytes:
    """The proposal for ``actions`` as a .docx file in Kyrgyz or Russian."""
    data = nomenclature_proposal_data(actions)
    return to_bytes(build_nomenclature_proposal(data, agency_letterhead(agency), language=language))
