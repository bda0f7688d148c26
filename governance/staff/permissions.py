from wagtail.permissions import register_permission_policy

from governance.access.policy import has_role, list_filter, rule
from governance.access.wagtail import AccessPolicy
from governance.staff.models import Delegation


@rule("staff.add_delegation")
def add_delegation(user, obj=None):
    return has_role(user, "chairman")


@rule("staff.view_delegation")
def view_delegation(user, obj=None):
    return any(has_role(user, code) for code in ("chairman", "deputy_chairman", "state_secretary", "hr_officer"))


@list_filter("staff.view_delegation")
def visible_delegations(user, queryset):
    return queryset if view_delegation(user) else queryset.none()


# Delegations are recorded once: no rule changes or deletes one.
register_permission_policy(Delegation, AccessPolicy(Delegation))
