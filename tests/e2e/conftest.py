import pytest
from django.core.management import call_command

from tests.conftest import CHROMIUM

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


@pytest.fixture
def demo_site(live_server):
    call_command("load_demo")
    return live_server


@pytest.fixture
def page(demo_site):
    """A Russian-speaking reader's browser tab. Playwright starts only after the database is set
    up: its event loop would otherwise give Django a second, unprepared connection."""
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # The test's own database calls stay synchronous while Playwright's loop runs.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        context = browser.new_context(locale="ru-RU")
        yield context.new_page()
        context.close()
        browser.close()
