"""Who handles appeals: the records office (and whoever holds the model permissions) reads and
processes them; the sender reads one only through its private status link."""

from wagtail.permissions import register_permission_policy

from documents.appeals.models import Appeal
from governance.access.policy import has_permission, list_filter, rule
from governance.access.wagtail import AccessPolicy


@rule("appeals.view_appeal")
def view_appeal(user, appeal=None):
    return has_permission(user, "appeals.view_appeal", appeal)


@list_filter("appeals.view_appeal")
def visible_appeals(user, queryset):
    return queryset if has_permission(user, "appeals.view_appeal") else queryset.none()


@rule("appeals.process_appeal")  # extend, forward, answer: through services, never Wagtail's edit form
def process_appeal(user, appeal=None):
    return has_permission(user, "appeals.change_appeal", appeal)


register_permission_policy(Appeal, AccessPolicy(Appeal))
