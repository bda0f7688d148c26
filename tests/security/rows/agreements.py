"""International agreements: the admin's ViewSets, the transitions, the public list with its texts
and the open-data API (public agreements in force only)."""

from tests.security.matrix import LOGIN, METHOD, MISSING, OK, Row, everyone
from tests.security.rows.snippets import _object_rows, _rows

MODELS = [
    ("agreements", "agreement", ["agreement_public", "agreement_secret"]),
    ("agreements", "party", ["agreement_party"]),
    ("agreements", "negotiationround", ["agreement_round"]),
    ("agreements", "agreementevent", ["agreement_event"]),
    ("agreements", "agreementtext", ["agreement_text"]),
    ("agreements", "domesticstep", ["agreement_step"]),
]


def _transition(who, world):
    return frozenset({LOGIN}) if who == "anonymous" else frozenset({METHOD})


def _public(world, view=""):
    return f"/ky/agreements/{world.objects['agreement_public'].pk}/{view}"


ROWS = [row for app, model, names in MODELS for row in _rows(app, model, names)]
ROWS += _object_rows("agreements", "agreement", ["agreement_public", "agreement_secret"], "inspect", "view")
ROWS += [
    Row(
        ("wagtailsnippets_agreements_agreement:transition",),
        _transition,
        lambda world: [f"/admin/snippets/agreements/agreement/transition/{world.objects['agreement_secret'].pk}/sign/"],
    ),
    Row(("agreements:public",), everyone(OK), lambda world: ["/ky/agreements/", "/ru/agreements/"]),
    Row(
        ("agreements:detail", "agreements:text"),
        everyone(OK),
        lambda world: [_public(world), _public(world, f"texts/{world.objects['agreement_text'].pk}/")],
    ),
    Row(
        ("agreements:detail", "agreements:text"),
        everyone(MISSING),
        lambda world: [
            f"/ky/agreements/{world.objects['agreement_secret'].pk}/",
            f"/ky/agreements/{world.objects['agreement_secret'].pk}/texts/{world.objects['agreement_text'].pk}/",
        ],
    ),
    Row(("api:agreements",), everyone(OK), lambda world: ["/api/v1/agreements/"]),
    Row(
        ("api:agreement",), everyone(OK), lambda world: [f"/api/v1/agreements/{world.objects['agreement_public'].pk}/"]
    ),
    Row(
        ("api:agreement",),
        everyone(MISSING),
        lambda world: [f"/api/v1/agreements/{world.objects['agreement_secret'].pk}/"],
    ),
]
