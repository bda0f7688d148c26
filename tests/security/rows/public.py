"""The public site, the orders registry, the open-data API: what anyone may read, and nothing else."""

from documents.docx import pdf
from tests.security.matrix import ANY_ANSWER, MISSING, OK, REDIRECT, Row, everyone, not_applicable


def _order_paths(view: str, keys):
    """An order's address by year and number (a draft has none: it is asked for by its id)."""

    def paths(world):
        found = []
        for key in keys:
            order = world.objects[f"order_{key}"]
            found.append(
                f"/ky/orders/{order.year}/{order.number_display}/{view}"
                if order.number
                else f"/ky/orders/{order.pk}/{view}"
            )
        return found

    return paths


def _by_id(view: str, keys):
    return lambda world: [f"/ky/orders/{world.objects[f'order_{key}'].pk}/{view}" for key in keys]


SECRET_ORDERS = ("draft", "internal", "personnel")

ROWS = [
    Row(("healthz", "robots_txt", "sitemap"), everyone(OK)),
    Row(("orders:registry",), everyone(OK), lambda world: ["/ky/orders/", "/ky/orders/?q=Матрица", "/ru/orders/"]),
    Row(
        ("orders:detail", "orders:docx"),
        everyone(OK),
        lambda world: [*_order_paths("", ["public"])(world), *_order_paths("docx/", ["public"])(world)],
    ),
    # The first addresses, by database id, redirect to the order's own address; a secret one is missing.
    Row(
        ("orders:by_id", "orders:by_id_docx", "orders:by_id_pdf"),
        everyone(REDIRECT),
        lambda world: [_by_id(view, ["public"])(world)[0] for view in ("", "docx/", "pdf/")],
    ),
    Row(
        ("orders:by_id", "orders:by_id_docx", "orders:by_id_pdf", "orders:by_id_annex"),
        everyone(MISSING),
        lambda world: [
            *_by_id("", SECRET_ORDERS)(world),
            *_by_id("docx/", SECRET_ORDERS)(world),
            *_by_id("pdf/", SECRET_ORDERS)(world),
            f"/ky/orders/{world.objects['order_personnel'].pk}/annexes/{world.objects['annex'].pk}/",
        ],
    ),
    # An internal order may share its number with a public one: its address shows the public one.
    Row(
        ("orders:detail", "orders:docx", "orders:pdf"),
        everyone(MISSING),
        lambda world: [
            *_order_paths("", ["personnel"])(world),
            *_order_paths("docx/", ["personnel"])(world),
            *_order_paths("pdf/", ["personnel"])(world),
        ],
    ),
    Row(("orders:pdf",), everyone(OK if pdf.available() else MISSING), _order_paths("pdf/", ["public"])),
    # an annex is public only with its published public order: a personnel order's annex is not
    Row(
        ("orders:annex",),
        everyone(MISSING),
        lambda world: [
            _order_paths(f"annexes/{world.objects['annex'].pk}/", ["personnel"])(world)[0],
            _order_paths(f"annexes/{world.objects['annex'].pk}/", ["public"])(world)[0],
        ],
    ),
    Row(("search",), everyone(OK), lambda world: ["/ky/search/?q=Матрица", "/ru/search/?q=Матрица"]),
    Row(("search_suggest",), everyone(OK), lambda world: ["/ky/search/suggest/?q=Матр", "/ru/search/suggest/?q=Матр"]),
    Row(
        ("feed",),
        everyone(OK, MISSING),
        lambda world: [
            f"/ky/feeds/{world.objects['index'].slug}/rss/",
            f"/ky/feeds/{world.objects['index'].slug}/atom/",
        ],
    ),
    Row(
        ("missing_translation",),
        everyone(OK, MISSING, REDIRECT),
        lambda world: [
            f"/ru/no-translation/{world.objects['page'].pk}/",
            f"/ru/no-translation/{world.objects['hidden_page'].pk}/",
        ],
    ),
    Row(("wagtail_serve",), everyone(OK), lambda world: ["/ky/", world.objects["page"].url]),
    Row(
        ("wagtail_serve",),
        everyone(MISSING),
        lambda world: [world.objects["index"].url + world.objects["hidden_page"].slug + "/"],
    ),
    Row(
        ("wagtailcore_authenticate_with_password", "wagtaildocs_authenticate_with_password"),
        everyone(*ANY_ANSWER),
        lambda world: [
            "/ky/_util/authenticate_with_password/999999/999999/",
            "/documents/authenticate_with_password/999999/",
        ],
    ),
    Row(("wagtailcore_login",), everyone(OK, REDIRECT), lambda world: ["/ky/_util/login/"]),
    # public-site media: documents are served to anyone (order files are not Wagtail documents);
    # the tests' in-memory storage has no file on disk for Wagtail's serve view: 404, the same for all
    Row(("wagtaildocs_serve",), everyone(OK, MISSING), lambda world: [world.objects["document"].url]),
    not_applicable("set_language", why="POST only; switches the reader's language (tests/config)"),
    # The open-data API: published records only, the same for everyone.
    Row(
        ("api:openapi-json", "api:openapi-view", "api:agency", "api:orders", "api:publications"),
        everyone(OK),
        lambda world: [
            "/api/v1/openapi.json",
            "/api/v1/docs",
            "/api/v1/agency/",
            "/api/v1/orders/",
            "/api/v1/publications/",
        ],
    ),
    Row(("api:order",), everyone(OK), lambda world: [f"/api/v1/orders/{world.objects['order_public'].pk}/"]),
    Row(
        ("api:order",),
        everyone(MISSING),
        lambda world: [f"/api/v1/orders/{world.objects[f'order_{key}'].pk}/" for key in SECRET_ORDERS],
    ),
    Row(("api:publication",), everyone(OK), lambda world: [f"/api/v1/publications/{world.objects['page'].pk}/"]),
    Row(
        ("api:publication",),
        everyone(MISSING),
        lambda world: [f"/api/v1/publications/{world.objects['hidden_page'].pk}/"],
    ),
    Row(("api:api-root",), everyone(OK, MISSING), lambda world: ["/api/v1/"]),
]
