"""The admin in the state language: the Kyrgyz catalogue of Wagtail's admin covers what a daily user
reads, stays in line with the installed Wagtail, keeps its placeholders and plural rule, and the
admin shows it (dates, the JavaScript catalogue, choosers, the sign-in form)."""

import datetime
import re

import pytest
from django.utils import formats, translation
from wagtail.models import Collection, Page, Task, Workflow
from wagtail.snippets.widgets import AdminSnippetChooser

from config import wagtail_catalogue
from config.admin_forms import LoginForm
from governance.orders.models import Series

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}|%s")


def test_the_kyrgyz_catalogue_covers_every_daily_admin_message():
    coverage = wagtail_catalogue.coverage("ky")
    print(coverage)

    assert coverage.daily_total > 500  # the templates of the daily screens were found
    assert coverage.daily_missing == [], f"{coverage}; without Kyrgyz: {coverage.daily_missing[:20]}"


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("domain", wagtail_catalogue.DOMAINS)
def test_the_catalogue_matches_the_installed_wagtail(language, domain):
    """After a Wagtail upgrade this fails until `manage.py wagtail_catalogue` has been run."""
    messages = wagtail_catalogue.wagtail_messages(domain)
    entries = {(entry.msgctxt, entry.msgid) for entry in wagtail_catalogue.load(language, domain)}

    assert entries - messages.keys() == set(), "messages Wagtail no longer ships"
    if language == "ky":
        assert messages.keys() - entries == set(), "Wagtail messages missing from the Kyrgyz catalogue"
    else:
        lacking = {key for key, message in messages.items() if not message.russian}
        assert lacking - entries == set(), "messages Wagtail's Russian lacks, missing from ours"


@pytest.mark.parametrize("language", ["ky", "ru"])
@pytest.mark.parametrize("domain", wagtail_catalogue.DOMAINS)
def test_every_translation_keeps_the_placeholders_and_the_plural_rule(language, domain):
    catalogue = wagtail_catalogue.load(language, domain)
    nplurals, rule = wagtail_catalogue.PLURAL_FORMS[language]

    assert catalogue.metadata["Plural-Forms"] == rule
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    for entry in catalogue:
        source = set(PLACEHOLDER.findall(entry.msgid + entry.msgid_plural))
        needed = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        forms = list(entry.msgstr_plural.values()) if entry.msgid_plural else [entry.msgstr]
        if entry.msgid_plural:
            assert len(forms) == nplurals, entry.msgid
        for form in forms:
            used = set(PLACEHOLDER.findall(form))
            assert used <= source, (entry.msgid, form)
            assert needed <= used, (entry.msgid, form)


def test_no_kyrgyz_translation_is_a_copy_of_the_russian_sentence():
    """A Kyrgyz msgstr equal to Wagtail's Russian is allowed only for one shared word ("Документ")."""
    copies = [
        entry.msgid
        for entry in wagtail_catalogue.load("ky", "django")
        if entry.comment.startswith("ru: ")
        and entry.msgstr == entry.comment[4:]
        and len(PLACEHOLDER.sub("", entry.msgstr).split()) > 1
    ]

    assert copies == []


def test_the_admin_speaks_kyrgyz_and_falls_back_to_russian_never_to_english():
    with translation.override("ru"):
        russian_only = translation.gettext("Enter a valid domain name.")  # Django has no Kyrgyz for it
    with translation.override("ky"):
        assert translation.gettext("Sign in") == "Кирүү"
        assert translation.gettext("Choose a page") == "Баракты тандаңыз"
        assert translation.ngettext("1 page", "%(counter)s pages", 14) % {"counter": 14} == "14 барак"
        assert translation.gettext("Enter a valid domain name.") == russian_only != "Enter a valid domain name."


def test_russian_counts_read_right_after_any_number():
    with translation.override("ru"):
        message = translation.ngettext("%(count)d %(model_name)s deleted.", "%(count)d %(model_name)s deleted.", 3)
        assert message % {"count": 3, "model_name": "серия приказов"} == "Удалено записей: 3 (серия приказов)."
        created = translation.gettext("%(model_name)s '%(object)s' created.")
        assert created % {"model_name": "Приказ", "object": "О кадрах"} == "Создано: Приказ «О кадрах»."


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ky", "2026-жылдын 25-ноябры"), ("ru", "25 ноября 2026 г.")],
)
def test_dates_are_written_as_official_documents_write_them(language, expected):
    with translation.override(language):
        assert formats.date_format(datetime.date(2026, 11, 25)) == expected


def test_the_javascript_catalogue_is_kyrgyz(client):
    response = client.get("/admin/jsi18n/", HTTP_ACCEPT_LANGUAGE="ky")

    assert response.status_code == 200
    text = response.content.decode()
    assert '"Dashboard": "\\u0411\\u0430\\u0448\\u043a\\u044b \\u043f\\u0430\\u043d\\u0435\\u043b\\u044c"' in text
    assert "const v = 0;" in text  # Kyrgyz's one plural form


def test_a_chooser_built_in_one_language_reads_in_each_readers_language():
    with translation.override("ky"):
        widget = AdminSnippetChooser(model=Series)  # Wagtail builds it once, for the first user
    with translation.override("ru"):
        russian = str(widget.choose_one_text)
        assert russian == f"Выбрать: {Series._meta.verbose_name}"
    with translation.override("ky"):
        assert str(widget.choose_one_text) == f"Тандоо: {Series._meta.verbose_name}"
        assert str(widget.choose_one_text) != russian


def test_the_password_field_is_labelled_in_the_readers_language():
    with translation.override("ky"):
        assert str(LoginForm().fields["password"].label) == "Сырсөз"
    with translation.override("ru"):
        assert str(LoginForm().fields["password"].label) == "Пароль"


@pytest.mark.django_db
def test_what_wagtail_installs_is_named_in_both_languages():
    assert Workflow.objects.get().name == "Модераторлордун бекитүүсү / Утверждение модераторами"
    assert Task.objects.get().name == "Модераторлордун бекитүүсү / Утверждение модераторами"
    assert Collection.get_first_root_node().name == "Негизги жыйнак / Основная коллекция"
    assert Page.get_first_root_node().get_admin_display_title() == "Бардык сайттар / Все сайты"
