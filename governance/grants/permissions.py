"""Who may do what with grants: the grants officer keeps them; the chairman and the leadership
read them; the public reads the list of public donor projects."""

from wagtail.permissions import register_permission_policy

from governance.access.policy import list_filter, role_codes, rule
from governance.access.wagtail import AccessPolicy
from governance.grants.enums import LIFECYCLE, PUBLISHED, TRANCHE_LIFECYCLE, GrantStatus
from governance.grants.models import BudgetLine, Donor, Expenditure, Grant, GrantReport, Tranche

KEEPERS = ("grants_officer",)
READERS = ("chairman", "deputy_chairman", "state_secretary", "grants_officer")


def keeps(user) -> bool:
    return bool(role_codes(user) & set(KEEPERS))


def reads(user) -> bool:
    return bool(role_codes(user) & set(READERS))


def _grant_of(record):
    return record if isinstance(record, Grant) or record is None else record.grant


def _open(record) -> bool:
    grant = _grant_of(record)
    return grant is None or grant.status != GrantStatus.CLOSED


for model in (Donor, Grant, BudgetLine, Tranche, Expenditure, GrantReport):
    name = model._meta.model_name
    rule(f"grants.view_{name}")(lambda user, obj=None: reads(user))
    rule(f"grants.add_{name}")(lambda user, obj=None: keeps(user))
    # Money once moved stays on the record: tranches and expenditures are entered, never edited.
    editable = model not in (Tranche, Expenditure)
    rule(f"grants.change_{name}")(
        lambda user, obj=None, editable=editable, donor=model is Donor: (
            keeps(user) and editable and (donor or _open(obj))
        )
    )
    rule(f"grants.delete_{name}")(lambda user, obj=None: False)
    list_filter(f"grants.view_{name}")(lambda user, queryset: queryset if reads(user) else queryset.none())
    list_filter(f"grants.change_{name}")(
        lambda user, queryset, editable=editable: queryset if keeps(user) and editable else queryset.none()
    )
    list_filter(f"grants.delete_{name}")(lambda user, queryset: queryset.none())
    register_permission_policy(model, AccessPolicy(model))

for lifecycle in (LIFECYCLE, TRANCHE_LIFECYCLE):
    for action in lifecycle.actions:
        rule(lifecycle.policy_action(action))(lambda user, obj=None: keeps(user))


@rule("grants.read_published", public=True)
def read_published(user, grant=None):
    """The list of public donor projects: anyone reads it."""
    return grant is None or (grant.is_public and grant.status in PUBLISHED)


@list_filter("grants.read_published")
def published(user, queryset):
    return queryset.published()
