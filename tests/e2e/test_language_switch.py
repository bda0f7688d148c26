import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_reader_lands_in_russian_and_switches_to_kyrgyz(page, demo_site):
    page.goto(demo_site.url + "/")

    assert page.url == demo_site.url + "/ru/"
    assert page.locator("html").get_attribute("lang") == "ru"
    assert "Государственная служба миграции при Правительстве" in page.locator(".brand__name").inner_text()

    page.get_by_role("link", name="Кыргызча").click()

    page.wait_for_url(demo_site.url + "/ky/")
    assert page.locator("html").get_attribute("lang") == "ky"
    assert "Өкмөтүнө караштуу Мамлекеттик миграция кызматы" in page.locator(".brand__name").inner_text()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page, demo_site):
    page.goto(demo_site.url + "/ky/")

    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.inner_text() == "Негизги мазмунга өтүү"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
