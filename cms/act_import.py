"""Importing a legal act from .docx into a legal-act page, saved as a draft (docs/import.md).

``documents.act_import.read`` guards the file and reads its structure; :func:`act_import` turns
that structure into the page of the upload's language: it updates the page with the same number
and date in that language, or makes the translation of the same act in the other language, or a
new page in the language's legal-act section. It never publishes: the editor reviews the draft
and the moderators publish it through the usual workflow.
"""

import datetime
from dataclasses import dataclass
from html import escape

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Locale

from cms.models import LegalActIndexPage, LegalActPage
from documents import act_import as reader
from documents.office_guard import OfficeFileRefused
from governance.access import policy

UNREADABLE = {
    "not_a_document": _("The file is not a Word document (.docx)."),
    "too_heavy": _("The document is too large to read."),
    "too_slow": _("Reading the document took too long; split it or simplify it."),
}
REQUISITES = {
    "title": _("title"),
    "act_kind": _("kind of act"),
    "approved_by": _("approved by"),
    "number": _("number"),
    "date": _("date of approval"),
}


@dataclass
class Imported:
    act: dict  # the structure read, as documents.act_import gives it
    page: LegalActPage | None = None  # None on a dry run
    created: bool = False


def read(data: bytes) -> dict:
    """The structure of the .docx in ``data``; a ValidationError in the user's language if refused."""
    try:
        return reader.read(data)
    except OfficeFileRefused as refused:
        raise ValidationError(refused.message) from None
    except reader.ActUnreadable as unreadable:
        raise ValidationError(UNREADABLE[unreadable.reason]) from None


def act_import(*, data: bytes, language: str, user, dry_run: bool = False) -> Imported:
    """Read the act in ``data`` and, unless ``dry_run``, save it as a draft page in ``language``.

    ``user`` None means the command line, run by whoever runs the server; else the policy decides
    ("cms.import_act" on the section for a new page, on the page for an update)."""
    if user is not None:
        policy.require(user, "cms.import_act")
    act = read(data)
    if dry_run:
        return Imported(act=act)
    missing = [str(label) for key, label in REQUISITES.items() if not (act.get(key) or act["requisites"].get(key))]
    if missing:
        raise ValidationError(
            _("The document lacks: %(missing)s. Add them to the document and upload it again.")
            % {"missing": ", ".join(missing)}
        )
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise ValidationError(_("The site has no such language."))
    return _save(act, locale, user)


@transaction.atomic
def _save(act: dict, locale: Locale, user) -> Imported:
    requisites = act["requisites"]
    date = datetime.date.fromisoformat(requisites["date"])
    same_act = LegalActPage.objects.filter(act_number=requisites["number"], act_date=date)
    existing = same_act.filter(locale=locale).first()
    if existing is not None:
        _allow(user, existing)
        page, created = existing.get_latest_revision_as_object(), False
    else:
        source = same_act.exclude(locale=locale).first()
        parent = None
        if source is not None:
            parent = LegalActIndexPage.objects.filter(
                locale=locale, translation_key=source.get_parent().translation_key
            ).first()
        if parent is None:
            parent = LegalActIndexPage.objects.filter(locale=locale).first()
        if parent is None:
            raise ValidationError(_("The site has no section of legal acts in this language."))
        _allow(user, parent)
        page = LegalActPage(locale=locale, live=False)
        if source is not None and parent.translation_key == source.get_parent().translation_key:
            page.translation_key = source.translation_key  # the same act in the other language
        created = True
    _fill(page, act)
    if created:
        parent.add_child(instance=page)
        log(instance=page, action="wagtail.create", user=user)
    page.save_revision(user=user, log_action=not created)
    return Imported(act=act, page=page, created=created)


def _allow(user, page) -> None:
    if user is not None:
        policy.require(user, "cms.import_act", page)


def _fill(page: LegalActPage, act: dict) -> None:
    requisites = act["requisites"]
    page.title = act["title"][:255]
    page.act_kind = requisites["act_kind"][:100]
    page.approved_by = requisites["approved_by"][:300]
    page.act_number = requisites["number"][:50]
    page.act_date = datetime.date.fromisoformat(requisites["date"])
    page.body = [
        {
            "type": "chapter",
            "value": {
                "number": chapter["number"][:20],
                "title": chapter["title"],
                "points": [_point(point) for point in chapter["points"]],
            },
        }
        for chapter in act["chapters"]
    ]
    page.amendments = [
        {
            "type": "amendment",
            "value": {
                "title": note["text"],
                "number": note["number"][:50],
                "date": note["date"],
                "page": None,
                "url": "",
            },
        }
        for note in act["amendment_notes"]
        if note.get("date")
    ]


def _point(point: dict) -> dict:
    return {
        "number": point["number"][:20],
        "text": _html(point["text"].split("\n")),
        "sub_points": [_sub_point(item) for item in point["items"]],
    }


def _sub_point(item: dict) -> dict:
    """A numbered item keeps its printed number; a "- " item takes a dash; an item's own items
    follow its text, one paragraph each."""
    match = reader.ITEM.match(item["text"])
    number, text = (match.group(1), match.group(2)) if match else (reader.DASH_NUMBER, item["text"])
    lines = [text, *(f"{reader.DASH_NUMBER} {_flat(inner)}" for inner in item["items"])]
    return {"number": number, "text": _html(lines)}


def _flat(item: dict) -> str:
    return " ".join([item["text"], *(_flat(inner) for inner in item["items"])])


def _html(lines: list[str]) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in lines if line.strip())
