"""The records layer's rules, registered with governance/access when the apps are ready."""

from wagtail.permissions import register_permission_policy

from documents.instructions import permissions as instructions  # noqa: F401  registers its rules
from documents.instructions.models import Instruction
from documents.models import CalendarException
from governance.access.policy import permission_rule
from governance.access.wagtail import AccessPolicy

for action in ("view", "add", "change", "delete"):
    permission_rule(f"documents.{action}_calendarexception")

# Wagtail's "add" and "view" ask the instruction rules; no rule edits or deletes an instruction.
register_permission_policy(Instruction, AccessPolicy(Instruction))
register_permission_policy(CalendarException, AccessPolicy(CalendarException))
