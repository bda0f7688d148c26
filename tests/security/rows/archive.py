"""The archive's ViewSets: the nomenclature, case files, legal holds and acts of destruction, and
the act's transitions (a POST only, through services)."""

from tests.security.matrix import LOGIN, METHOD, Row
from tests.security.rows.snippets import _object_rows, _rows

MODELS = [
    ("archive", "fileheading", ["archive_heading"]),
    ("archive", "casefile", ["archive_case"]),
    ("archive", "legalhold", ["archive_hold"]),
    ("archive", "destructionact", ["archive_act"]),
]


def _transition(who, world):
    return frozenset({LOGIN}) if who == "anonymous" else frozenset({METHOD})


ROWS = [row for app, model, names in MODELS for row in _rows(app, model, names)]
ROWS += _object_rows("archive", "casefile", ["archive_case"], "inspect", "view")
ROWS += _object_rows("archive", "destructionact", ["archive_act"], "inspect", "view")
ROWS += _object_rows("archive", "destructionact", ["archive_act"], "docx", "view")
ROWS += [
    Row(
        ("wagtailsnippets_archive_destructionact:transition",),
        _transition,
        lambda world: [f"/admin/snippets/archive/destructionact/transition/{world.objects['archive_act'].pk}/approve/"],
    ),
]
