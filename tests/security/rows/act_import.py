"""The editors' import of legal acts from .docx: who may add a legal act to a section."""

from governance.access import policy
from tests.security.matrix import Row, admin

ROWS = [
    Row(("import_act",), admin(lambda user, world: policy.can(user, "cms.import_act"))),
]
