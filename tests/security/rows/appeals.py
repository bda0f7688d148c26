"""Citizens' appeals. On the public site the form, the status page (its code travels in a POST
body, never in the address) and the statistics answer anyone; in the admin the records office's
ViewSet answers as the policy says (tests/security/rows/snippets.py)."""

from tests.security.matrix import OK, Row, everyone
from tests.security.rows.snippets import _object_rows, _rows

ROWS = [
    Row(("appeals:form", "appeals:status", "appeals:statistics"), everyone(OK)),
    *_rows("appeals", "appeal", ["appeal"]),
    *_object_rows("appeals", "appeal", ["appeal"], "inspect", "view"),
]
