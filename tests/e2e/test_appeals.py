"""A reader sends an appeal from a phone and follows it by the private link."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from documents.appeals.models import Appeal
from tests.e2e.test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_an_appeal_sent_from_a_phone_is_registered_and_its_status_opens_by_the_link(page, demo_site, settings):
    settings.APPEAL_FORM_MIN_SECONDS = 0  # a test types faster than a person
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(demo_site.url + "/ru/appeals/")

    assert Axe().run(page, options=WCAG_21_AA).violations_count == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 375  # nothing wider than the phone
    page.get_by_label("жалоба").check()
    page.get_by_label("физическое лицо").check()
    page.get_by_label("Ваше имя").fill("Асель Токтогулова")
    page.locator("#id_email").fill("asel@example.kg")
    page.locator("#id_text").fill("Прошу разъяснить порядок продления регистрации <b>по месту пребывания</b>.")
    page.get_by_role("button", name="Отправить обращение").click()

    expect(page.get_by_role("heading", name="Ваше обращение зарегистрировано")).to_be_visible()
    appeal = Appeal.objects.latest("pk")
    expect(page.get_by_text(appeal.number, exact=True)).to_be_visible()

    page.locator("a.appeal-link").click()
    expect(page.get_by_role("heading", name="Как рассчитан срок")).to_be_visible()
    assert "/appeals/status/" in page.url
    expect(page.get_by_text("<b>по месту пребывания</b>", exact=False)).to_have_count(0)
