"""Grants: the admin's ViewSets, the transitions, the statement for the donor, the public list of
donor projects and the open-data API."""

from tests.security.matrix import LOGIN, METHOD, OK, Row, everyone
from tests.security.rows.snippets import _object_rows, _rows

MODELS = [
    ("grants", "grant", ["grant_public", "grant_secret"]),
    ("grants", "donor", ["grant_donor"]),
    ("grants", "budgetline", ["grant_line"]),
    ("grants", "tranche", ["grant_tranche"]),
    ("grants", "expenditure", ["grant_expenditure"]),
    ("grants", "grantreport", ["grant_report"]),
]


def _transition(who, world):
    return frozenset({LOGIN}) if who == "anonymous" else frozenset({METHOD})


ROWS = [row for app, model, names in MODELS for row in _rows(app, model, names)]
ROWS += _object_rows("grants", "grant", ["grant_public", "grant_secret"], "inspect", "view")
ROWS += _object_rows("grants", "grant", ["grant_public", "grant_secret"], "xlsx", "view")
ROWS += _object_rows("grants", "tranche", ["grant_tranche"], "inspect", "view")
ROWS += [
    Row(
        ("wagtailsnippets_grants_grant:transition",),
        _transition,
        lambda world: [f"/admin/snippets/grants/grant/transition/{world.objects['grant_secret'].pk}/sign/"],
    ),
    Row(
        ("wagtailsnippets_grants_tranche:transition",),
        _transition,
        lambda world: [f"/admin/snippets/grants/tranche/transition/{world.objects['grant_tranche'].pk}/receive/"],
    ),
    Row(("grants:public",), everyone(OK), lambda world: ["/ky/grants/", "/ru/grants/"]),
    Row(("api:grants",), everyone(OK), lambda world: ["/api/v1/grants/"]),
]
