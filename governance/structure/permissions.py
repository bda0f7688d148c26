from wagtail.permissions import register_permission_policy

from governance.access.policy import has_permission, has_role, list_filter, permission_rule, rule
from governance.access.wagtail import AccessPolicy
from governance.structure.models import Position, Subdivision

for action in ("view", "add", "change", "delete"):
    permission_rule(f"structure.{action}_subdivision")

register_permission_policy(Subdivision, AccessPolicy(Subdivision))


@rule("structure.view_position")
def view_position(user, position=None):
    return has_permission(user, "structure.view_subdivision")


@list_filter("structure.view_position")
def visible_positions(user, queryset):
    return queryset if view_position(user) else queryset.none()


@rule("structure.add_position")
def add_position(user, position=None):
    return has_role(user, "hr_officer")


@rule("structure.change_position")
def change_position(user, position=None):
    return has_role(user, "hr_officer")


@list_filter("structure.change_position")
def changeable_positions(user, queryset):
    return queryset if change_position(user) else queryset.none()


register_permission_policy(Position, AccessPolicy(Position))


@rule("structure.view_public_structure", public=True)
def view_public_structure(user, obj=None):
    return True  # the subdivisions and their heads' names and posts are public
