"""Awards: kinds, nominations (the chairman's buttons, the submission to the Government, the order
HR drafts) and the awards conferred (their certificates and the report)."""

from governance.access import policy
from tests.security.matrix import ANONYMOUS, LOGIN, METHOD, Row, admin
from tests.security.rows.snippets import _object_rows, _rows

NOMINATIONS = ["nomination_open", "nomination_state", "nomination_conferred"]
AWARDS = ["award_legal", "award_own"]


def _transition(who, world):
    return frozenset({LOGIN}) if who == ANONYMOUS else frozenset({METHOD})


ROWS = [
    *_rows("awards", "awardkind", ["award_kind"]),
    *_rows("awards", "nomination", NOMINATIONS),
    *_rows("awards", "award", AWARDS),
    *_object_rows("awards", "nomination", NOMINATIONS, "inspect", "view"),
    *_object_rows("awards", "award", AWARDS, "inspect", "view"),
    *_object_rows("awards", "nomination", ["nomination_state"], "submission", "view"),
    *_object_rows("awards", "award", AWARDS, "certificate", "view"),
    Row(
        ("wagtailsnippets_awards_nomination:transition",),
        _transition,
        lambda world: [
            f"/admin/snippets/awards/nomination/transition/{world.objects['nomination_open'].pk}/{action}/"
            for action in ("approve", "reject", "collegium")
        ],
    ),
    Row(
        ("wagtailsnippets_awards_nomination:order",),
        admin(lambda user, world: policy.can(user, "awards.draft_order")),
    ),
    Row(
        ("wagtailsnippets_awards_award:report",),
        admin(lambda user, world: policy.can(user, "awards.view_award")),
        lambda world: [
            "/admin/snippets/awards/award/report/",
            "/admin/snippets/awards/award/report/?year=2020",
            "/admin/snippets/awards/award/report/?year=nonsense",
        ],
    ),
]
