import pytest
from django.urls import reverse

from governance.agency.demo import AGENCY
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "language", "full_name", "title", "other_prefix"),
    [
        ("/ky/", "ky", AGENCY["full_name_ky"], "Башкы бет", "/ru/"),
        ("/ru/", "ru", AGENCY["full_name_ru"], "Главная", "/ky/"),
    ],
)
def test_home_page_renders_in_its_language_with_the_agency_names(
    client, home_pages, prefix, language, full_name, title, other_prefix
):
    response = client.get(prefix)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert full_name in html
    assert title in html
    other_name = AGENCY["full_name_ru" if language == "ky" else "full_name_ky"]
    assert other_name not in html
    # The switcher links to the other language's home page, which is its translation.
    assert f'href="{other_prefix}" hreflang=' in html


def test_agency_names_come_from_the_site_setting(client, home_pages, agency):
    agency.full_name_ky = "Сыноо кызматы"
    agency.save()

    html = client.get("/ky/").content.decode()

    assert "Сыноо кызматы" in html
    assert AGENCY["full_name_ky"] not in html


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ru-RU,ru;q=0.9", "/ru/"), ("ky", "/ky/"), ("en-US,en;q=0.8", "/ky/"), ("", "/ky/")],
)
def test_root_redirects_by_the_browser_language(client, home_pages, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language} if accept_language else {})

    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_on_a_page_without_translation_leads_to_a_notice_not_a_404(client, home_pages):
    home_ky, _ = home_pages
    page = HomePageFactory(parent=home_ky, title="Жалгыз барак", slug="jalgyz", locale=home_ky.locale)

    html = client.get("/ky/jalgyz/").content.decode()
    notice_url = reverse("missing_translation", args=[page.pk]).replace("/ky/", "/ru/")
    assert f'href="{notice_url}"' in html
    assert 'hreflang="ru" href=' not in html  # no alternate for a translation that does not exist

    response = client.get(notice_url)
    assert response.status_code == 200
    notice = response.content.decode()
    assert '<html lang="ru">' in notice
    assert "Жалгыз барак" in notice
    assert 'href="/ru/"' in notice  # home, in the reader's language
    assert 'href="/ky/jalgyz/"' in notice  # the original


def test_notice_for_an_unknown_page_is_a_404_in_the_readers_language(client, home_pages):
    response = client.get("/ru/no-translation/999999/")

    assert response.status_code == 404
    assert '<html lang="ru">' in response.content.decode()


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "/ky/orders/?q=%D0%BC%D0%B8%D0%B3%D1%80%D0%B0%D0%BD%D1%82&year=2026",
            "/ru/orders/?q=%D0%BC%D0%B8%D0%B3%D1%80%D0%B0%D0%BD%D1%82&amp;year=2026",
        ),
        ("/ru/search/?q=<script>&page=2", "/ky/search/?q=%3Cscript%3E&amp;page=2"),
    ],
)
def test_the_language_switch_keeps_the_search_and_the_filters(client, home_pages, path, expected):
    html = client.get(path).content.decode()

    assert f'href="{expected}"' in html
    assert "<script>&" not in html


def test_the_alternate_links_for_search_engines_carry_no_query(client, home_pages):
    html = client.get("/ky/orders/?year=2026").content.decode()

    assert 'hreflang="ru" href="http://testserver/ru/orders/"' in html


@pytest.mark.parametrize(
    ("path", "text"),
    [("/ru/net-takoi-stranicy/", "Страница не найдена"), ("/ky/orders/2026/999/", "Барак табылган жок")],
)
def test_under_make_run_a_missing_page_is_the_readers_page_in_their_language(client, settings, home_pages, path, text):
    from config.settings import dev

    settings.DEBUG = True
    settings.MIDDLEWARE = dev.MIDDLEWARE

    response = client.get(path)

    assert response.status_code == 404
    page = response.content.decode()
    assert text in page and "DEBUG = True" not in page and "Django tried" not in page


@pytest.mark.parametrize(
    ("prefix", "labels"),
    [
        ("/ky/", ["Кайрылуу жөнөтүү", "Кайрылуулардын статистикасы", "Кызматтын түзүмү"]),
        ("/ru/", ["Отправить обращение", "Статистика обращений", "Структура Службы"]),
    ],
)
def test_every_page_links_the_appeal_form_its_statistics_and_the_structure(client, home_pages, prefix, labels):
    html = client.get(prefix).content.decode()
    footer = html.split('class="site-footer"', 1)[1]

    for label, path in zip(labels, ("appeals/", "appeals/statistics/", "structure/"), strict=True):
        assert f'<a href="{prefix}{path}">{label}</a>' in footer
        assert client.get(f"{prefix}{path}").status_code == 200
