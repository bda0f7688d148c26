"""Citizens' appeals on the public site: the form, the status page (its code travels in a POST
body, never in the address) and the statistics answer anyone."""

from tests.security.matrix import OK, Row, everyone

ROWS = [
    Row(("appeals:form", "appeals:status", "appeals:statistics"), everyone(OK)),
]
