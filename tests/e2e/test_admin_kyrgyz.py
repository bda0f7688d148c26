"""Each demo role walks its daily screens of the admin. In Kyrgyz, no English word and no Russian
interface word may show; in Russian, no English word.

What counts:
- an English word: a word of Latin letters, except identifiers that are data or standard
  abbreviations (URLs, e-mail addresses, file names, digests, user names, series codes, time zones,
  "ID", "PDF"...);
- a Russian interface word: a word of a Russian catalogue (Wagtail's, Django's, the libraries', ours)
  that no Kyrgyz catalogue uses ("Выбрать", "Назад", "Просмотр"), unless the records themselves
  hold it: an order's Russian text, a subdivision's Russian name and the "Кыргызча / Русский" names
  are the records' content, shown on purpose; so are the languages' own names.
"""

import re
import zoneinfo
from pathlib import Path

import django
import polib
import pytest
import taggit
import wagtail
from django.apps import apps
from django.conf import settings
from django.db import models
from wagtail.models import Page
from wagtail.users.models import UserProfile

from config.management.commands.load_demo import DEFAULT_PASSWORD
from governance.orders.models import Order
from tests.e2e.conftest import CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-zА-Яа-яЁёӨөҮүҢң]+")
MARKUP = re.compile(r"<[^>]+>|%\(\w+\)[sd]|\{\w+\}")
NOT_WORDS = re.compile(r"https?://\S+|\S+@\S+|\S+\.(?:docx|pdf|png|jpe?g|svg)\b|\b[0-9a-f]{16,}\b|/\S*")
ABBREVIATIONS = {"url", "id", "api", "csv", "xlsx", "docx", "pdf", "json", "utc", "sha", "kyzmat"}
CONTENT_FIELDS = {"title", "draft_title", "name", "username", "first_name", "last_name", "code", "label", "reason"}
ORDERS = "/admin/snippets/orders/order/"


def words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(MARKUP.sub(" ", text))}


def catalogue_words(paths) -> set[str]:
    found = set()
    for path in paths:
        for entry in polib.pofile(str(path)):
            found |= words(entry.msgstr) | words(" ".join(entry.msgstr_plural.values()))
    return found


def packages(*modules):
    return [Path(module.__file__).resolve().parent for module in modules]


def russian_interface_words() -> set[str]:
    import django_filters

    libraries = packages(django, wagtail, taggit, django_filters)
    russian = catalogue_words(
        [path for package in libraries for path in package.glob("**/locale/ru/LC_MESSAGES/*.po")]
        + list(ROOT.glob("locale/**/ru/LC_MESSAGES/*.po"))
    )
    kyrgyz = catalogue_words(
        [path for package in libraries for path in package.glob("**/locale/ky/LC_MESSAGES/*.po")]
        + list(ROOT.glob("locale/**/ky/LC_MESSAGES/*.po"))
    )
    return russian - kyrgyz


def content_words() -> set[str]:
    """The words the records hold (titles, names, codes, both languages' texts), the time zones' names,
    and the languages' own names ("Кыргызча", "Русский"), which a language chooser shows as they are."""
    found = {name for zone in zoneinfo.available_timezones() for name in words(zone)}
    found |= {name for _code, language in settings.LANGUAGES for name in words(language)}
    for model in apps.get_models():
        if model._meta.app_label not in {"auth", "wagtailcore", "wagtailimages", "wagtaildocs"} and not (
            model.__module__.startswith(("governance.", "cms.", "documents."))
        ):
            continue
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if isinstance(field, models.CharField | models.TextField)
            and (field.name in CONTENT_FIELDS or field.name.endswith(("_ky", "_ru")))
        ]
        if fields:
            for row in model.objects.values_list(*fields):
                found |= words(" ".join(str(value) for value in row if value))
    return found


def walks() -> dict[str, list[str]]:
    """Each role's daily screens."""
    published = Order.objects.filter(status="published").order_by("pk").first()
    draft = Order.objects.filter(status="draft").order_by("pk").first()
    home = Page.objects.get(depth=2, locale__language_code="ky")
    article = home.get_descendants().live().filter(depth=4).first()
    order_screens = [ORDERS, f"{ORDERS}inspect/{published.pk}/", f"{ORDERS}history/{published.pk}/"]
    return {
        "chairman": ["/admin/", *order_screens, "/admin/account/"],
        "deputy_chairman": ["/admin/", ORDERS, f"{ORDERS}inspect/{published.pk}/"],
        "state_secretary": ["/admin/", *order_screens, f"{ORDERS}add/", f"{ORDERS}edit/{draft.pk}/"],
        "hr_officer": ["/admin/", "/admin/snippets/structure/subdivision/", ORDERS, f"{ORDERS}add/"],
        "head_of_subdivision": ["/admin/", ORDERS, f"{ORDERS}add/"],
        "collegium_secretary": ["/admin/", "/admin/account/"],
        "collegium_member": ["/admin/"],
        "public_council_member": ["/admin/"],
        "records_officer": ["/admin/", ORDERS, f"{ORDERS}inspect/{published.pk}/"],
        "editor": ["/admin/", "/admin/pages/", f"/admin/pages/{home.pk}/", f"/admin/pages/{article.pk}/edit/"],
        "moderator": ["/admin/", f"/admin/pages/{home.pk}/", f"/admin/pages/{home.pk}/edit/", "/admin/images/"],
        "admin": [
            "/admin/",
            "/admin/reports/site-history/",
            "/admin/users/",
            "/admin/groups/",
            "/admin/workflows/list/",
        ],
    }


VISIBLE_TEXT = """() => {
    document.querySelectorAll('select option:not(:checked)').forEach(option => option.remove());
    const placeholders = [...document.querySelectorAll('[placeholder]')].map(element => element.placeholder);
    return [document.title, document.body.innerText, ...placeholders].join('\\n');
}"""


def offending_words(text: str, language: str, russian: set[str], content: set[str]) -> dict[str, list[str]]:
    found = WORD.findall(NOT_WORDS.sub(" ", text))
    english = {w for w in found if w.isascii() and w.lower() not in ABBREVIATIONS and w.lower() not in content}
    result = {"English": sorted(english)}
    if language == "ky":
        result["Russian"] = sorted({w for w in found if w.lower() in russian and w.lower() not in content})
    return {kind: offenders for kind, offenders in result.items() if offenders}


def open_chooser(page) -> str:
    """Open the first chooser of a create form and read its modal."""
    page.locator("[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    modal.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    modal.locator("table, .nice-padding").first.wait_for(state="visible")
    return modal.inner_text()


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_role_walks_its_daily_screens_in_one_language(demo_site, language):
    from playwright.sync_api import sync_playwright

    from tests.conftest import CHROMIUM

    russian, content, role_walks = russian_interface_words(), content_words(), walks()
    for username in role_walks:
        profile = UserProfile.get_for_user(apps.get_model("auth", "User").objects.get(username=username))
        profile.preferred_language = language
        profile.save()

    problems = {}
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for username, screens in role_walks.items():
            context = browser.new_context(locale={"ky": "ky-KG", "ru": "ru-RU"}[language])
            page = context.new_page()
            page.goto(demo_site.url + "/admin/login/")
            pages = {"/admin/login/": page.evaluate(VISIBLE_TEXT)}
            page.fill("#id_username", username)
            page.fill("#id_password", DEFAULT_PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(demo_site.url + "/admin/")
            for screen in screens:
                response = page.goto(demo_site.url + screen)
                assert response.ok, f"{username} {screen}: {response.status}"
                page.wait_for_load_state("networkidle")
                pages[screen] = page.evaluate(VISIBLE_TEXT)
                if screen.endswith("/add/") and page.locator("[data-chooser-action-choose]").count():
                    pages[screen + " (chooser)"] = open_chooser(page)
            for screen, text in pages.items():
                if found := offending_words(text, language, russian, content):
                    problems[f"{username} {screen}"] = found
            context.close()
        browser.close()

    assert problems == {}
