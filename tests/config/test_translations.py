"""Both catalogues are complete: every message in the code and templates has a Kyrgyz and a
Russian translation. The catalogues are extracted afresh from a copy of the sources, so a
message that was never added to the catalogues fails as well as one left untranslated."""

import shutil
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ["cms", "config", "documents", "governance", "search", "templates", "locale"]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    copy = tmp_path_factory.mktemp("sources")
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    return copy


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_catalogue_is_complete(fresh_catalogues, settings, monkeypatch, language):
    monkeypatch.chdir(fresh_catalogues)
    settings.LOCALE_PATHS = [fresh_catalogues / "locale"]
    call_command("makemessages", locale=[language], no_obsolete=True, verbosity=0)

    catalogue = polib.pofile(str(fresh_catalogues / "locale" / language / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]

    assert len(catalogue) > 0
    assert missing == [], f"{len(missing)} messages lack a {language} translation: {missing[:10]}"


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_committed_catalogue_has_no_fuzzy_or_empty_entry(language):
    catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))

    assert catalogue.fuzzy_entries() == []
    assert catalogue.untranslated_entries() == []
