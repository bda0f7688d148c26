"""Who keeps the archive: the records officer keeps the nomenclature, files records, places holds
and proposes destruction; the expert commission's chair approves or refuses it; the leadership
reads. Nothing of it is public."""

from wagtail.permissions import register_permission_policy

from documents.archive.enums import LIFECYCLE
from documents.archive.models import CaseFile, DestructionAct, FiledRecord, FileHeading, LegalHold
from governance.access.policy import list_filter, role_codes, rule
from governance.access.wagtail import AccessPolicy

KEEPERS = frozenset({"records_officer"})
CHAIRS = frozenset({"expert_commission_chair"})
READERS = KEEPERS | CHAIRS | {"chairman", "state_secretary"}


def keeps(user) -> bool:
    return bool(role_codes(user) & KEEPERS)


def chairs(user) -> bool:
    return bool(role_codes(user) & CHAIRS)


def reads(user) -> bool:
    return bool(role_codes(user) & READERS)


# What the records officer adds or edits in the admin (through services): headings and holds.
ADDED = {FileHeading: True, LegalHold: True, CaseFile: False, FiledRecord: False, DestructionAct: True}
CHANGED = {FileHeading}

for model in (FileHeading, CaseFile, FiledRecord, LegalHold, DestructionAct):
    name = model._meta.model_name
    rule(f"archive.view_{name}")(lambda user, obj=None: reads(user))
    rule(f"archive.add_{name}")(lambda user, obj=None, added=ADDED[model]: added and keeps(user))
    rule(f"archive.change_{name}")(lambda user, obj=None, changed=model in CHANGED: changed and keeps(user))
    rule(f"archive.delete_{name}")(lambda user, obj=None: False)  # a record of the archive is never deleted
    list_filter(f"archive.view_{name}")(lambda user, queryset: queryset if reads(user) else queryset.none())
    list_filter(f"archive.change_{name}")(
        lambda user, queryset, changed=model in CHANGED: queryset if changed and keeps(user) else queryset.none()
    )
    list_filter(f"archive.delete_{name}")(lambda user, queryset: queryset.none())
    register_permission_policy(model, AccessPolicy(model))


@rule("archive.file_record")
def file_record(user, case=None):
    return keeps(user)


@rule("archive.hold_place")
def hold_place(user, case=None):
    return keeps(user)


@rule("archive.hold_lift")
def hold_lift(user, hold=None):
    return keeps(user) and (hold is None or hold.ends_on is None)


@rule("archive.destruction_propose")
def destruction_propose(user, act=None):
    return keeps(user)


@rule("archive.export")
def export(user, obj=None):
    return keeps(user)


# Approving or refusing is the chair's, never the proposer's (the service says so in words).
for action in LIFECYCLE.actions:
    rule(LIFECYCLE.policy_action(action))(lambda user, act=None: chairs(user))
