"""The Content-Security-Policy breaks nothing: the public site and Wagtail's admin, in Chromium,
log no violation — on the admin's login, dashboard, an order's edit view and a page editor."""

import pytest
from django.conf import settings

from cms.models import PublicationPage
from governance.orders.enums import OrderStatus
from governance.orders.models import Order

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def _violations(page) -> list[str]:
    found = []
    page.on(
        "console", lambda message: found.append(message.text) if "Content Security Policy" in message.text else None
    )
    return found


def test_the_public_site_runs_under_the_policy(page, demo_site):
    violations = _violations(page)
    for path in ("/ky/", "/ru/", "/ky/orders/", "/ky/search/?q=кызмат", "/api/v1/docs"):
        response = page.goto(demo_site.url + path)
        script_src = response.headers["content-security-policy"].split("script-src")[1].split(";")[0]
        assert "'self'" in script_src and "unsafe" not in script_src
        page.wait_for_load_state("networkidle")
    assert violations == []


def test_the_admin_runs_under_the_policy(page, demo_site):
    violations = _violations(page)
    page.goto(demo_site.url + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "kyzmat-demo")
    page.click("button[type=submit]")
    page.wait_for_url(demo_site.url + "/admin/")
    page.wait_for_load_state("networkidle")

    draft = Order.objects.filter(status=OrderStatus.DRAFT).first()
    publication = PublicationPage.objects.first()
    for path in (f"/admin/snippets/orders/order/edit/{draft.pk}/", f"/admin/pages/{publication.pk}/edit/"):
        response = page.goto(demo_site.url + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
        # The widgets started: a chooser opens its modal, an inline panel adds a form.
        # (clicked from script: the first ones may sit on a tab that is not shown)
        page.evaluate("document.querySelector('[data-chooser-action-choose]').click()")
        page.locator(".modal").first.wait_for(state="attached")
        page.wait_for_load_state("networkidle")
        total = page.locator("[id$='-TOTAL_FORMS']").first
        before = int(total.input_value())
        page.evaluate("document.querySelector(\"button[id$='-ADD']\").click()")
        assert int(total.input_value()) == before + 1
    assert violations == [], violations
    assert "unsafe" not in str(settings.SECURE_CSP["script-src"])
