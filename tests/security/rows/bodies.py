"""The members' portal: members of a body read its meetings and materials; nobody else, signed in
or not, finds them (a 404, as for a meeting that does not exist)."""

from governance.access.roles import ROLES_BY_CODE
from tests.security.matrix import ANONYMOUS, LOGIN, METHOD, MISSING, OK, Row, everyone
from tests.security.rows.snippets import _object_rows, _rows
from tests.security.world_bodies import COLLEGIUM_ROLES, COUNCIL_ROLES, RECUSED_ROLES


def members_only(roles):
    def expect(who, world):
        if who == ANONYMOUS:
            return frozenset({LOGIN})
        return frozenset({OK}) if who in roles else frozenset({MISSING})

    return expect


ROWS = [
    Row(("members:home",), members_only(ROLES_BY_CODE)),
    Row(
        ("members:meeting",),
        members_only(COLLEGIUM_ROLES),
        lambda world: [f"/ky/members/meetings/{world.objects['meeting'].pk}/"],
    ),
    Row(
        ("members:meeting",),
        members_only(COUNCIL_ROLES),
        lambda world: [f"/ru/members/meetings/{world.objects['council_meeting'].pk}/"],
    ),
    Row(
        ("members:material",),
        members_only(tuple(code for code in COLLEGIUM_ROLES if code not in RECUSED_ROLES)),
        lambda world: [f"/ky/members/materials/{world.objects['material'].pk}/"],
    ),
    # Buttons post; a read of their address is refused, to anyone.
    # Signed minutes and registered decisions: tests/governance/bodies/test_portal.py tries them as
    # a member, a non-member and a member of another body; here, an address with nothing behind it.
    Row(
        (
            "members:meeting",
            "members:material",
            "members:minutes_docx",
            "members:decision_docx",
            "members:minutes_draft_docx",
        ),
        everyone(LOGIN, MISSING),
        lambda world: [
            "/ky/members/meetings/999999/",
            "/ky/members/materials/999999/",
            "/ky/members/minutes/999999/docx/",
            "/ky/members/decisions/999999/docx/",
            "/ky/members/minutes/999999/draft/",
        ],
    ),
    Row(
        (
            "members:attendance",
            "members:declare",
            "members:poll_open",
            "members:vote",
            "members:poll_close",
            "members:decision",
            "members:minutes",
            "members:agenda_send",
            "members:item_add",
            "members:invitee_add",
            "members:cancel",
            "members:minutes_remark",
        ),
        everyone(METHOD),
    ),
]


# The Public Council's recommendations: the admin's ViewSet and the public page.

RECOMMENDATION = ["recommendation"]
ROWS += _rows("bodies", "recommendation", RECOMMENDATION)
ROWS += _object_rows("bodies", "recommendation", RECOMMENDATION, "inspect", "view")
ROWS += [
    Row(
        ("wagtailsnippets_bodies_recommendation:transition",),
        lambda who, world: frozenset({LOGIN}) if who == "anonymous" else frozenset({METHOD}),
        lambda world: [
            f"/admin/snippets/bodies/recommendation/transition/{world.objects['recommendation'].pk}/answer/"
        ],
    ),
    Row(("council:recommendations",), everyone(OK), lambda world: ["/ky/public-council/", "/ru/public-council/"]),
]


# Bodies and meetings in the admin: read-only lists and inspect pages, for the members only.

BODIES = ["collegium", "council"]
MEETINGS = ["meeting", "council_meeting"]
ROWS += _rows("bodies", "body", BODIES)
ROWS += _object_rows("bodies", "body", BODIES, "inspect", "view")
ROWS += _rows("bodies", "meeting", MEETINGS)
ROWS += _object_rows("bodies", "meeting", MEETINGS, "inspect", "view")
