"""Every page type renders in both languages, with its own parts and the shared ones."""

import datetime

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path
from django.utils import timezone, translation
from wagtail.models import PageViewRestriction

from cms.templatetags.kyzmat_tags import optional_url
from governance.agency.demo import AGENCY
from tests.factories import EventPageFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

PAGES = [
    # key, Kyrgyz URL, Russian URL, a text of the Kyrgyz page, a text of the Russian page
    ("publications", "/ky/basylmalar/", "/ru/izdaniya/", "Басылмалар", "Издания"),
    ("bulletin", "/ky/basylmalar/byulleten-7/", "/ru/izdaniya/byulleten-7/", "Чейректин жыйынтыгы", "Итоги квартала"),
    ("events", "/ky/ish-charalar/", "/ru/meropriyatiya/", "Алдыдагы иш-чаралар", "Предстоящие мероприятия"),
    ("event", "/ky/ish-charalar/seminar/", "/ru/meropriyatiya/seminar/", "Мигранттар үчүн семинар", "Бишкек, зал"),
    ("acts", "/ky/aktylar/", "/ru/akty/", "Кабыл алуу тартиби", "Порядок приёма"),
    ("act", "/ky/aktylar/tartip/", "/ru/akty/poryadok/", "Мазмуну", "Содержание"),
    ("about", "/ky/jonundo/", "/ru/o-sluzhbe/", "Кызмат тууралуу", "О Службе"),
    ("contacts", "/ky/bailanysh/", "/ru/kontakty/", AGENCY["address_ky"], AGENCY["address_ru"]),
]


@pytest.mark.parametrize(("key", "url_ky", "url_ru", "text_ky", "text_ru"), PAGES)
@pytest.mark.parametrize("language", ["ky", "ru"])
def test_every_page_type_renders_in_both_languages_with_alternates(
    client, tree, key, url_ky, url_ru, text_ky, text_ru, language
):
    url, text, other_url = (url_ky, text_ky, url_ru) if language == "ky" else (url_ru, text_ru, url_ky)

    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert text in html
    assert f'hreflang="ky" href="http://testserver{url_ky}"' in html
    assert f'hreflang="ru" href="http://testserver{url_ru}"' in html
    assert f'hreflang="x-default" href="http://testserver{url_ky}"' in html  # Kyrgyz, the default
    assert f'<link rel="canonical" href="http://testserver{url}">' in html
    assert f'<a href="{other_url}" hreflang=' in html  # the switcher lands on the translation
    assert '<meta property="og:title"' in html
    assert '<meta name="twitter:card"' in html
    assert f'<meta property="og:url" content="http://testserver{url}">' in html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/ky/basylmalar/byulleten-7/", ["Бюллетень", "Чыгарылыштын номери", "<dd>7</dd>", "01.01.2026", "31.03.2026"]),
        ("/ru/izdaniya/byulleten-7/", ["Бюллетень", "Номер выпуска", "<dd>7</dd>", "01.01.2026", "31.03.2026"]),
    ],
)
def test_bulletin_shows_its_issue_number_and_period(client, tree, url, expected):
    html = client.get(url).content.decode()

    for text in expected:
        assert text in html


def test_bulletin_needs_a_number_and_a_period(tree):
    bulletin, _ = tree["bulletin"]
    bulletin.issue_number = ""
    bulletin.period_end = None
    with pytest.raises(ValidationError) as error:
        bulletin.full_clean()
    assert {"issue_number", "period_start"} <= set(error.value.message_dict)


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/ky/aktylar/tartip/", ["1-бөлүм", "Бекиткен", "Төмөнкү актылар менен", "Төраганын буйругу № 42, 01.09.2025"]),
        ("/ru/akty/poryadok/", ["Глава 1", "Утверждён", "В редакции", "Төраганын буйругу № 42, 01.09.2025"]),
    ],
)
def test_legal_act_has_anchors_for_every_point_a_toc_requisites_and_amendments(client, tree, url, texts):
    html = client.get(url).content.decode()

    for anchor in ("chapter-1", "chapter-2", "point-1", "point-2", "point-2-1", "point-3"):
        assert f'id="{anchor}"' in html
    for anchor in ("chapter-1", "chapter-2", "point-1", "point-2", "point-3"):
        assert f'href="#{anchor}"' in html  # the table of contents links each chapter and point
    assert "<dd>15</dd>" in html and "10.02.2025" in html
    for text in texts:
        assert text in html


def test_event_page_offers_registration_and_an_ics_file(client, tree):
    event, _ = tree["event"]
    event.registration_url = "https://example.org/register"
    event.save_revision().publish()

    html = client.get("/ky/ish-charalar/seminar/").content.decode()
    assert 'href="https://example.org/register"' in html
    assert 'href="/ky/ish-charalar/seminar/ics/"' in html

    response = client.get("/ru/meropriyatiya/seminar/ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = response.content.decode()
    assert calendar.startswith("BEGIN:VCALENDAR\r\n")
    assert "SUMMARY:Семинар для мигрантов" in calendar
    assert "LOCATION:Бишкек\\, зал" in calendar
    assert event.start.astimezone(datetime.UTC).strftime("DTSTART:%Y%m%dT%H%M%SZ") in calendar
    assert all(len(line.encode()) <= 75 for line in calendar.split("\r\n"))


@pytest.mark.parametrize("newline", ["\r", "\n", "\r\n", "\u2028", "\x0b"])
def test_a_line_break_in_an_event_title_cannot_add_lines_to_its_ics(client, tree, newline):
    event, _ = tree["event"]
    event.title = f"Семинар{newline}URL:https://evil.example{newline}ATTACH:https://evil.example/x.exe"
    event.organiser = f"Бюро{newline}ORGANIZER:mailto:evil@example.org"
    event.place = f"Зал{newline}END:VEVENT"
    event.save_revision().publish()

    calendar = icalendar.Calendar.from_ical(client.get("/ky/ish-charalar/seminar/ics/").content)
    (entry,) = calendar.walk("VEVENT")
    assert "evil" not in str(entry["URL"])
    assert "ATTACH" not in entry
    assert "evil.example/x.exe" in str(entry["SUMMARY"])  # the title kept whole, as text
    unfolded = client.get("/ky/ish-charalar/seminar/ics/").content.decode().replace("\r\n ", "")
    lines = unfolded.split("\r\n")
    assert not [line for line in lines if line.startswith(("URL:https://evil", "ATTACH", "ORGANIZER:mailto:evil"))]
    assert lines.count("END:VEVENT") == 1
    assert next(line for line in lines if line.startswith("ORGANIZER")).endswith(":mailto:noreply@kyzmat.invalid")
    assert not any("\r" in line or "\n" in line for line in lines)


def test_event_index_separates_upcoming_and_past_events(client, tree):
    events_ky, _ = tree["events"]
    EventPageFactory(
        parent=events_ky,
        locale=events_ky.locale,
        title="Өткөн конференция",
        start=timezone.now() - datetime.timedelta(days=30),
        end=timezone.now() - datetime.timedelta(days=29),
    )

    html = client.get("/ky/ish-charalar/").content.decode()

    upcoming, past = html.split('id="past-title"')
    assert "Мигранттар үчүн семинар" in upcoming and "Өткөн конференция" not in upcoming
    assert "Өткөн конференция" in past


@pytest.mark.parametrize(
    ("url", "texts"),
    [
        ("/ky/", ["Бөлүмдөр", 'href="/ky/basylmalar/"', 'href="/ky/aktylar/"', 'href="/ky/bailanysh/"']),
        ("/ru/", ["Разделы", 'href="/ru/izdaniya/"', 'href="/ru/akty/"', 'href="/ru/kontakty/"']),
    ],
)
def test_home_links_to_the_sections_that_exist_and_shows_latest_items(client, tree, url, texts):
    html = client.get(url).content.decode()
    translation.activate(url.strip("/"))

    for text in texts:
        assert text in html
    assert "Бюллетень № 7" in html  # latest bulletins
    assert ("Мигранттар үчүн семинар" if url == "/ky/" else "Семинар для мигрантов") in html  # upcoming events
    registry = optional_url("orders:registry")
    if registry:  # the orders module is installed: its registry is linked
        assert f'href="{registry}"' in html
    else:  # it is not: no link leads to a missing page
        assert "orders" not in html


def orders_registry(request):
    return HttpResponse("registry")


urlpatterns_with_orders = [
    path("orders/", include(([path("", orders_registry, name="registry")], "orders"))),
]


def test_home_and_header_link_the_orders_registry_when_it_is_installed(client, tree, settings):
    from django.conf.urls.i18n import i18n_patterns

    import config.urls

    module = type(config.urls)("urls_with_orders")
    module.urlpatterns = [*i18n_patterns(*urlpatterns_with_orders), *config.urls.urlpatterns]
    with override_settings(ROOT_URLCONF=module):
        html = client.get("/ru/").content.decode()

    assert html.count('href="/ru/orders/"') == 2  # header navigation and quick links
    assert "Реестр приказов" in html


def test_contact_page_shows_the_agency_data_from_the_setting(client, tree, agency):
    agency.phone = "+996 312 11 22 33"
    agency.save()

    html = client.get("/ru/kontakty/").content.decode()

    assert AGENCY["full_name_ru"] in html
    assert 'href="tel:+996312112233"' in html
    assert AGENCY["email"] in html


def test_public_pages_carry_cache_headers_for_anonymous_readers_only(client, tree, admin_user):
    response = client.get("/ru/izdaniya/byulleten-7/")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "s-maxage=3600" in response["Cache-Control"]

    client.force_login(admin_user)
    assert "public" not in client.get("/ru/izdaniya/byulleten-7/").get("Cache-Control", "")


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


def test_a_publication_without_translation_leads_to_the_notice(client, tree):
    section_ky, _ = tree["publications"]
    page = PublicationPageFactory(parent=section_ky, locale=section_ky.locale, title="Котормосу жок", slug="jalgyz")

    html = client.get("/ky/basylmalar/jalgyz/").content.decode()
    notice = f"/ru/no-translation/{page.pk}/"
    assert f'href="{notice}"' in html
    assert 'hreflang="ru" href=' not in html

    response = client.get(notice)
    assert response.status_code == 200
    assert "Котормосу жок" in response.content.decode()
    assert 'href="/ky/basylmalar/jalgyz/"' in response.content.decode()


def test_a_page_behind_a_password_is_never_cached_publicly(client, tree):
    about_ky, _ = tree["about"]
    PageViewRestriction.objects.create(page=about_ky, restriction_type="password", password="сыр")
    url = "/ky/jonundo/"
    form = client.get(url)
    assert form.status_code == 200 and "public" not in form.get("Cache-Control", "")

    response = client.post(form.context["action_url"], {"password": "сыр", "return_url": url})
    assert response.status_code == 302
    page = client.get(url)
    assert "Кызмат тууралуу" in page.content.decode()
    assert "public" not in page.get("Cache-Control", "")


def test_an_event_of_one_day_gives_its_date_once_and_of_several_days_both(client, tree):
    events_ky, _ = tree["events"]
    start = timezone.make_aware(datetime.datetime(2026, 12, 10, 10, 0))
    EventPageFactory(
        parent=events_ky,
        locale=events_ky.locale,
        title="Бир күндүк жыйын",
        slug="bir-kun",
        start=start,
        end=start + datetime.timedelta(hours=2),
    )
    EventPageFactory(
        parent=events_ky,
        locale=events_ky.locale,
        title="Эки күндүк форум",
        slug="eki-kun",
        start=start,
        end=start + datetime.timedelta(days=1, hours=2),
    )

    one_day = client.get("/ky/ish-charalar/bir-kun/").content.decode()
    assert one_day.count("10.12.2026") == 1 and "10:00" in one_day and "12:00" in one_day
    two_days = client.get("/ky/ish-charalar/eki-kun/").content.decode()
    assert "10.12.2026 10:00" in two_days and "11.12.2026 12:00" in two_days
    listing = client.get("/ky/ish-charalar/").content.decode()
    assert "10.12.2026 10:00</time>–<time" in listing and ">12:00</time>" in listing
