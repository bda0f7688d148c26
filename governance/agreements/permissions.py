"""Who may do what with international agreements: the international department keeps them and
records every step; the chairman and the leadership read them; the public reads public agreements
in force."""

from wagtail.permissions import register_permission_policy

from governance.access.policy import list_filter, role_codes, rule
from governance.access.wagtail import AccessPolicy
from governance.agreements.enums import LIFECYCLE, PUBLISHED, Stage
from governance.agreements.models import (
    Agreement,
    AgreementEvent,
    AgreementText,
    DomesticStep,
    NegotiationRound,
    Party,
)

KEEPERS = ("international_officer",)
READERS = ("chairman", "deputy_chairman", "state_secretary", "international_officer")


def keeps(user) -> bool:
    return bool(role_codes(user) & set(KEEPERS))


def reads(user) -> bool:
    return bool(role_codes(user) & set(READERS))


def _open(record) -> bool:
    agreement = record if isinstance(record, Agreement) or record is None else record.agreement
    return agreement is None or agreement.stage != Stage.TERMINATED


for model in (Agreement, Party, NegotiationRound, AgreementEvent, AgreementText, DomesticStep):
    name = model._meta.model_name

    rule(f"agreements.view_{name}")(lambda user, obj=None: reads(user))
    rule(f"agreements.add_{name}")(lambda user, obj=None: keeps(user))
    rule(f"agreements.change_{name}")(lambda user, obj=None: keeps(user) and _open(obj))
    # Nothing is deleted: a step that did not happen is ended by a later one on the timeline.
    rule(f"agreements.delete_{name}")(lambda user, obj=None: False)

    list_filter(f"agreements.view_{name}")(lambda user, queryset: queryset if reads(user) else queryset.none())
    list_filter(f"agreements.change_{name}")(lambda user, queryset: queryset if keeps(user) else queryset.none())
    list_filter(f"agreements.delete_{name}")(lambda user, queryset: queryset.none())
    register_permission_policy(model, AccessPolicy(model))

for action in LIFECYCLE.actions:
    rule(LIFECYCLE.policy_action(action))(lambda user, obj=None: keeps(user))


@rule("agreements.read_published", public=True)
def read_published(user, agreement=None):
    """A public agreement in force, and its texts: anyone reads them."""
    if agreement is None:
        return True
    agreement = agreement if isinstance(agreement, Agreement) else agreement.agreement
    return agreement.is_public and agreement.stage in PUBLISHED


@list_filter("agreements.read_published")
def published(user, queryset):
    return queryset.published()
