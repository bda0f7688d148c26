"""axe-core finds no WCAG 2.1 A/AA violation on the public pages, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from governance.orders.models import Order

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PAGES = [
    "/ky/",
    "/ky/basylmalar/",
    "/ky/basylmalar/chet-olkodo-ishtoo/",
    "/ky/ish-charalar/migraciya-jana-onuguu/",
    "/ky/ukuktuk-aktylar/jarandardy-kabyl-aluu-tartibi/",
    "/ky/search/?q=миграция",
    "/ru/",
    "/ru/izdaniya/",
    "/ru/izdaniya/rabota-za-rubezhom/",
    "/ru/meropriyatiya/migraciya-i-razvitie/",
    "/ru/pravovye-akty/poryadok-priema-grazhdan/",
    "/ru/search/?q=миграции",
]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page, base_url, paths):
    axe = Axe()
    found = {}
    for path in paths:
        response = page.goto(base_url + path)
        assert response.status == 200, path
        results = axe.run(page, options=WCAG_21_AA)
        if results.violations_count:
            found[path] = [
                (violation["id"], [node["target"] for node in violation["nodes"]][:3])
                for violation in results.response["violations"]
            ]
    return found


def test_public_pages_have_no_wcag_violations(page, demo_site):
    assert violations(page, demo_site.url, PAGES) == {}


def test_the_orders_registry_and_an_order_have_no_wcag_violations(page, demo_site):
    order = Order.objects.public().order_by("pk").first()
    paths = [
        f"/{language}/orders/{suffix}"
        for language in ("ky", "ru")
        for suffix in ("", f"{order.year}/{order.number_display}/")
    ]

    assert violations(page, demo_site.url, paths) == {}
