"""The back office's daily round in a real browser, in each language: an approver finds the draft on
their desk and approves it; the chairman finds both orders awaiting him, returns one for revision
with a comment, thinks twice on the confirmation page of the other and then signs it; the drafter
finds the returned draft on their desk."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.users.models import UserProfile

from config.management.commands.load_demo import DEFAULT_PASSWORD
from governance.orders.demo import E_REGISTRATION, TRAINING
from governance.orders.enums import OrderStatus
from governance.orders.models import Order
from tests.conftest import CHROMIUM
from tests.e2e.conftest import CHROMIUM_ARGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LOCALES = {"ky": "ky-KG", "ru": "ru-RU"}


def desk_section(page, title: str):
    """The table under the desk's heading ``title``."""
    heading = page.locator("section.desk h3", has_text=title)
    heading.wait_for()
    return heading.locator("xpath=following-sibling::*[1]")


class Office:
    """One browser; each person signs in on a tab of their own."""

    def __init__(self, browser, site, language):
        self.browser, self.site, self.language = browser, site, language

    def sign_in(self, username: str):
        user = get_user_model().objects.get(username=username)
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = self.language
        profile.save()
        context = self.browser.new_context(locale=LOCALES[self.language], viewport={"width": 1280, "height": 1000})
        page = context.new_page()
        page.goto(self.site.url + "/admin/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", DEFAULT_PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(self.site.url + "/admin/")
        return page


@pytest.mark.parametrize("language", ["ky", "ru"])
def test_the_chairmans_day(demo_site, language):
    from playwright.sync_api import sync_playwright

    registration = Order.objects.get(title_ky=E_REGISTRATION["title_ky"])
    training = Order.objects.get(title_ky=TRAINING["title_ky"])
    title = {order.pk: getattr(order, f"title_{language}") for order in (registration, training)}
    with translation.override(language):
        to_approve, to_sign, returned = _("Orders to approve"), _("Orders to sign"), _("Orders returned to me")

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        office = Office(browser, demo_site, language)

        # The state secretary approves the draft that waits for them.
        approver = office.sign_in("state_secretary")
        desk_section(approver, to_approve).get_by_role("link", name=title[registration.pk]).click()
        approver.locator("button[data-action=approve]").click()
        approver.wait_for_load_state()
        registration.refresh_from_db()
        assert registration.status == OrderStatus.APPROVED

        # The chairman finds both orders to sign.
        chairman = office.sign_in("chairman")
        waiting = desk_section(chairman, to_sign)
        assert waiting.get_by_role("link", name=title[registration.pk]).is_visible()
        assert waiting.get_by_role("link", name=title[training.pk]).is_visible()

        # He sends one back with a comment.
        waiting.get_by_role("link", name=title[registration.pk]).click()
        chairman.fill("#return-comment", "Мөөнөттөрдү тактаңыз.")
        chairman.locator("button[data-action=return]").click()
        chairman.wait_for_load_state()
        registration.refresh_from_db()
        assert registration.status == OrderStatus.DRAFT

        # Signing asks first; going back changes nothing.
        chairman.goto(demo_site.url + "/admin/")
        desk_section(chairman, to_sign).get_by_role("link", name=title[training.pk]).click()
        chairman.locator("button[data-action=sign]").click()
        question = chairman.locator(".help-warning").inner_text()
        assert title[training.pk] in question
        chairman.locator(".lifecycle-confirm a.button-secondary").click()
        training.refresh_from_db()
        assert training.status == OrderStatus.APPROVED and not training.number_display

        chairman.locator("button[data-action=sign]").click()
        chairman.locator("button[data-confirm=sign]").click()
        chairman.wait_for_load_state()
        training.refresh_from_db()
        assert training.status == OrderStatus.SIGNED and training.signed_by.username == "chairman"
        assert f"№ {training.number_display}" in chairman.locator("main").inner_text()
        chairman.goto(demo_site.url + "/admin/")
        assert desk_section(chairman, to_sign).get_by_role("link", name=title[training.pk]).count() == 0

        # The drafter finds the returned draft on their desk.
        drafter = office.sign_in("head_of_subdivision")
        assert desk_section(drafter, returned).get_by_role("link", name=title[registration.pk]).is_visible()
        browser.close()
