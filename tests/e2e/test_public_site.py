"""A reader in Chromium: switching language on a publication, paging an index, reading a legal act
through its table of contents, moving by keyboard, on a phone with enlarged text."""

import re

import pytest
from playwright.sync_api import expect

from cms.models import PublicationIndexPage
from tests.factories import PublicationPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_switching_language_on_a_publication_lands_on_its_translation(page, demo_site):
    page.goto(demo_site.url + "/ru/izdaniya/byulleten-2/")
    assert page.locator("h1").inner_text() == "Бюллетень Службы № 2: первый квартал 2026 года"

    page.get_by_role("navigation", name="Язык").get_by_role("link", name="Кыргызча").click()

    page.wait_for_url(demo_site.url + "/ky/basylmalar/byulleten-2/")
    assert page.locator("html").get_attribute("lang") == "ky"
    assert page.locator("h1").inner_text() == "Кызматтын бюллетени № 2: 2026-жылдын биринчи чейреги"
    assert page.get_by_text("Чыгарылыштын номери").is_visible()


def test_paging_and_filtering_an_index(page, demo_site):
    section = PublicationIndexPage.objects.get(slug="basylmalar")
    for number in range(12):
        PublicationPageFactory(parent=section, locale=section.locale, title=f"Кызматтын кабары {number:02d}")

    page.goto(demo_site.url + "/ky/basylmalar/")
    assert page.locator("main .card").count() == 10
    page.get_by_role("link", name="Кийинки барак").click()

    page.wait_for_url(re.compile(r"\?page=2$"))
    assert page.locator(".pagination [aria-current=page]").inner_text() == "2"
    assert page.locator("main .card").count() == 7  # 17 publications in the section

    page.get_by_label("Түрү").select_option("bulletin")
    page.get_by_role("button", name="Көрсөтүү").click()
    page.wait_for_url(re.compile(r"kind=bulletin"))
    assert page.locator("main .card").count() == 2
    assert page.get_by_role("status").inner_text() == "2 басылма"


def test_reading_a_legal_act_through_its_table_of_contents(page, demo_site):
    page.set_viewport_size({"width": 1024, "height": 600})
    page.goto(demo_site.url + "/ru/pravovye-akty/poryadok-priema-grazhdan/")
    toc = page.get_by_role("navigation", name="Содержание")

    toc.get_by_role("link", name="Глава 3. Рассмотрение обращений").click()
    page.wait_for_url(re.compile(r"#chapter-3$"))
    chapter = page.locator("#chapter-3")
    assert chapter.is_visible()
    expect(chapter).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0  # the page scrolled to it

    toc.get_by_role("link", name="Пункт 6").click()
    page.wait_for_url(re.compile(r"#point-6$"))
    assert page.locator("#point-6").evaluate("element => element.matches(':target')")
    assert "регистрируется в тот же день" in page.locator("#point-6").inner_text()
    assert page.locator("#point-6-2").is_visible()  # its sub-points have anchors too

    assert page.get_by_text("В редакции").is_visible()  # the amendment history
    page.emulate_media(media="print")
    assert not toc.is_visible()  # printed without the site's chrome
    assert not page.locator(".site-header").is_visible()


def test_keyboard_reaches_the_search_and_the_results(page, demo_site):
    page.goto(demo_site.url + "/ru/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    else:
        pytest.fail("The search field cannot be reached by keyboard.")
    page.keyboard.type("семинар")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/ru/search/\?q="))
    assert page.locator(".search-results .card").count() >= 1
    assert "Семинар для выезжающих на работу за рубеж" in page.locator(".search-results").inner_text()


@pytest.mark.parametrize("width", [320])
def test_reads_on_a_phone_with_text_enlarged_to_200_percent(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 640})
    for path in [
        "/ky/",
        "/ru/izdaniya/",
        "/ky/ukuktuk-aktylar/jarandardy-kabyl-aluu-tartibi/",
        "/ru/meropriyatiya/migraciya-i-razvitie/",
        "/ru/search/?q=миграции",
    ]:
        page.goto(demo_site.url + path)
        page.add_style_tag(content="html { font-size: 200% !important; }")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at {width}px with 200% text"


def test_on_a_phone_the_header_is_short_and_the_registry_filters_hold_together(page, demo_site):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/ky/", "/ru/"):
        page.goto(demo_site.url + path)
        height = page.locator(".site-header").bounding_box()["height"]
        assert height <= 0.25 * 844, f"the header takes {height:.0f}px of 844 on {path}"
        assert page.locator(".brand__short").is_visible() and not page.locator(".brand__name").is_visible()

    page.goto(demo_site.url + "/ru/orders/?q=приказ&year=2026")
    for field in ("#orders-q", "#orders-year", "#orders-date"):
        box = page.locator(field).bounding_box()
        label = page.locator(f'label[for="{field[1:]}"]').bounding_box()
        assert box["width"] >= 300, f"{field} is {box['width']:.0f}px wide on a 390px phone"
        assert label["y"] + label["height"] <= box["y"] + 1, f"the label of {field} is not above it"
    page.get_by_role("link", name="Кыргызча").click()
    page.wait_for_url(re.compile(r"/ky/orders/\?"))
    assert page.locator("#orders-q").input_value() == "приказ"
    assert page.locator("#orders-year").input_value() == "2026"
