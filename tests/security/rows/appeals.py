"""Citizens' appeals. On the public site the form, the status page (its code travels in a POST
body, never in the address) and the statistics answer anyone; in the admin the records office's
ViewSet answers as the policy says (tests/security/rows/snippets.py)."""

from governance.access import policy
from tests.security.matrix import DENIED, MISSING, OK, Row, admin, everyone
from tests.security.rows.snippets import _object_rows, _rows

ROWS = [
    Row(("appeals:form", "appeals:status", "appeals:statistics"), everyone(OK)),
    *_rows("appeals", "appeal", ["appeal"]),
    *_object_rows("appeals", "appeal", ["appeal"], "inspect", "view"),
]

# the records office's step on one appeal (extend, forward, points, unconsidered): a form over the services
ROWS.append(
    Row(
        ("wagtailsnippets_appeals_appeal:process",),
        admin(
            lambda user, world: policy.can(user, "appeals.process_appeal", world.objects["appeal"]),
            refused=(DENIED, MISSING),
        ),
        lambda world: [f"/admin/snippets/appeals/appeal/process/{world.objects['appeal'].pk}/"],
    )
)
