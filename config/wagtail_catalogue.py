"""The project's catalogues for Wagtail's admin: Kyrgyz, which Wagtail does not ship, and the few
Russian messages Wagtail's Russian catalogue lacks or words in a way that breaks after a number.

They live in `locale/wagtail/`, a locale directory of their own listed in LOCALE_PATHS after
`locale/`, so that `make messages` (which rewrites `locale/ky` from our sources) never touches them.

The messages to translate are every msgid Wagtail ships, and those of the two libraries whose
strings its screens show (django-taggit's tag field, django-filter's listing filters): the msgids of
their Russian catalogues (the Russian tells the translator the meaning) and of their English source
catalogues (a handful of recent messages have no Russian yet). The "daily" messages are those
written in the templates of the screens a daily user meets; the check in
`tests/config/test_wagtail_catalogue.py` fails when one of them has no Kyrgyz.
"""

import ast
import functools
import re
from dataclasses import dataclass
from pathlib import Path

import django_filters
import polib
import taggit
import wagtail
from django.conf import settings
from django.utils.translation.template import templatize

WAGTAIL_DIR = Path(wagtail.__file__).resolve().parent
PACKAGE_DIRS = [Path(package.__file__).resolve().parent for package in (wagtail, taggit, django_filters)]
DOMAINS = ("django", "djangojs")
# The apps whose templates make the screens a daily user meets.
DAILY_TEMPLATE_APPS = ("admin", "snippets", "documents", "images", "users", "locales", "contrib/settings")

# The plural rules of Django's own catalogues: a Kyrgyz noun after a numeral stays singular.
PLURAL_FORMS = {
    "ky": (1, "nplurals=1; plural=0;"),
    "ru": (
        4,
        "nplurals=4; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<12 || n%100>14) ? 1 : "
        "n%10==0 || (n%10>=5 && n%10<=9) || (n%100>=11 && n%100<=14)? 2 : 3);",
    ),
}

LANGUAGE_TEAMS = {"ky": "Kyrgyz", "ru": "Russian"}

_LITERAL = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
_CALLS = re.compile(
    rf"\b(?P<function>gettext|_|pgettext|ngettext|npgettext)\(\s*(?P<args>{_LITERAL}(?:\s*,\s*{_LITERAL})*)"
)

Key = tuple[str | None, str]  # (msgctxt, msgid)


def catalogue_path(language: str, domain: str = "django") -> Path:
    return Path(settings.BASE_DIR) / "locale" / "wagtail" / language / "LC_MESSAGES" / f"{domain}.po"


@dataclass
class Message:
    msgctxt: str | None
    msgid: str
    msgid_plural: str
    russian: str


@functools.cache
def wagtail_messages(domain: str) -> dict[Key, Message]:
    """Every message Wagtail ships in `domain`, with Wagtail's Russian translation when it has one."""
    messages: dict[Key, Message] = {}
    for language in ("en", "ru"):
        paths = [
            path for package in PACKAGE_DIRS for path in package.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po")
        ]
        for path in sorted(paths):
            for entry in polib.pofile(str(path)):
                if entry.obsolete:
                    continue
                russian = ""
                if language == "ru":
                    russian = entry.msgstr or " | ".join(v for _, v in sorted(entry.msgstr_plural.items()))
                key = (entry.msgctxt, entry.msgid)
                known = messages.get(key)
                if known is None or (russian and not known.russian):
                    messages[key] = Message(entry.msgctxt, entry.msgid, entry.msgid_plural, russian)
    return messages


@functools.cache
def daily_keys() -> frozenset[Key]:
    """The messages written in the templates of the daily screens (`{% translate %}`, `{% blocktranslate %}`)."""
    found: set[Key] = set()
    for app in DAILY_TEMPLATE_APPS:
        for path in sorted((WAGTAIL_DIR / app).glob("templates/**/*.html")):
            for match in _CALLS.finditer(templatize(path.read_text(encoding="utf-8"), origin=str(path))):
                args = [ast.literal_eval(arg) for arg in _split_literals(match["args"])]
                if match["function"] in ("pgettext", "npgettext"):
                    found.add((args[0], args[1]))
                else:
                    found.add((None, args[0]))
    return frozenset(found)


def _split_literals(args: str) -> list[str]:
    return re.findall(_LITERAL, args)


def load(language: str, domain: str) -> polib.POFile:
    path = catalogue_path(language, domain)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=0)
    catalogue = polib.POFile(wrapwidth=0)
    catalogue.metadata = {
        "Project-Id-Version": "kyzmat",
        "PO-Revision-Date": "2026-12-02 00:00+0600",
        "Last-Translator": "kyzmat",
        "Language-Team": LANGUAGE_TEAMS[language],
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS[language][1],
    }
    return catalogue


def update(language: str = "ky") -> dict[str, int]:
    """Bring the catalogue in line with the installed Wagtail: add its new messages untranslated (with
    Wagtail's Russian as a note for the translator), drop those it no longer ships, keep the rest.

    Kyrgyz gets every message; Russian only those Wagtail's Russian catalogue lacks, and keeps its
    own rewordings of messages Wagtail has."""
    counts = {"added": 0, "removed": 0}
    for domain in DOMAINS:
        messages = wagtail_messages(domain)
        catalogue = load(language, domain)
        present = {(entry.msgctxt, entry.msgid): entry for entry in catalogue}
        for key, entry in list(present.items()):
            if key not in messages:
                catalogue.remove(entry)
                counts["removed"] += 1
        for key, message in messages.items():
            if key in present or (language == "ru" and message.russian):
                continue
            entry = polib.POEntry(msgctxt=message.msgctxt, msgid=message.msgid, msgstr="")
            if message.msgid_plural:
                entry.msgid_plural = message.msgid_plural
                entry.msgstr_plural = dict.fromkeys(range(PLURAL_FORMS[language][0]), "")
            if message.russian:
                entry.comment = f"ru: {message.russian}"
            catalogue.append(entry)
            counts["added"] += 1
        path = catalogue_path(language, domain)
        path.parent.mkdir(parents=True, exist_ok=True)
        catalogue.save(str(path))
    return counts


@dataclass
class Coverage:
    total: int
    translated: int
    daily_total: int
    daily_missing: list[str]

    @property
    def percent(self) -> float:
        return 100 * self.translated / self.total if self.total else 100.0

    def __str__(self):
        return (
            f"Kyrgyz catalogue of Wagtail's admin: {self.translated} of {self.total} messages "
            f"({self.percent:.1f}%); daily messages: {self.daily_total - len(self.daily_missing)} of "
            f"{self.daily_total}"
        )


def coverage(language: str = "ky") -> Coverage:
    total = translated = 0
    translated_keys: set[Key] = set()
    for domain in DOMAINS:
        messages = wagtail_messages(domain)
        done = {(e.msgctxt, e.msgid) for e in load(language, domain) if e.translated() and not e.obsolete}
        total += len(messages)
        translated += len(done & messages.keys())
        translated_keys |= done
    daily = {key for key in daily_keys() if key in wagtail_messages("django")}
    missing = sorted(msgid for ctxt, msgid in daily if (ctxt, msgid) not in translated_keys)
    return Coverage(total, translated, len(daily), missing)
