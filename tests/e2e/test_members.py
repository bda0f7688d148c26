"""The members' portal in a browser: the secretary runs a vote, a member votes and sees the result
when the vote closes; on a desktop and on a 390-pixel phone, with no WCAG violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from config.management.commands.load_demo import DEFAULT_PASSWORD
from governance.bodies.models import Meeting
from tests.e2e.test_accessibility import WCAG_21_AA

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}


def sign_in(page, base_url, username, language="ru"):
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/?next=/{language}/members/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEFAULT_PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"**/{language}/members/")


def no_violations(page) -> list:
    results = Axe().run(page, options=WCAG_21_AA)
    return [violation["id"] for violation in results.response["violations"]]


@pytest.mark.parametrize("viewport", [None, PHONE], ids=["desktop", "phone"])
def test_a_member_votes_and_sees_the_result_after_the_secretary_closes_the_vote(page, demo_site, viewport):
    if viewport:
        page.set_viewport_size(viewport)
    meeting = Meeting.objects.filter(status="planned").get()
    item_title = meeting.items.order_by("position").last().title_ru
    address = f"{demo_site.url}/ru/members/meetings/{meeting.pk}/"

    sign_in(page, demo_site.url, "collegium_secretary")
    page.goto(address)
    for box in page.locator("input[name=present]").all():
        box.check()
    page.click("text=Отметить присутствующих")
    assert page.locator("text=Присутствующие отмечены.").is_visible()
    page.locator(f"li:has(h3:text-is('{item_title}'))").get_by_role("button", name="Открыть голосование").click()
    assert page.locator("text=Голосование открыто.").first.is_visible()

    sign_in(page, demo_site.url, "deputy_chairman")
    page.goto(address)
    assert no_violations(page) == []
    page.get_by_label("За").check()
    page.get_by_role("button", name="Голосовать").click()
    assert page.locator("text=Ваш голос учтён.").is_visible()
    assert page.locator("text=Результаты показываются после закрытия голосования.").is_visible()
    if viewport:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    sign_in(page, demo_site.url, "collegium_secretary")
    page.goto(address)
    page.get_by_role("button", name="Закрыть голосование").click()

    sign_in(page, demo_site.url, "deputy_chairman", language="ky")
    page.goto(address.replace("/ru/", "/ky/"))
    assert page.locator("text=Макул: 1, каршы: 0, калыс: 0.").is_visible()
    assert no_violations(page) == []
    page.goto(f"{demo_site.url}/ky/members/")
    assert no_violations(page) == []
