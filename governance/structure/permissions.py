"""Who may do what with the structure.

HR holds the model rights on subdivisions (the roles table). A head of subdivision holds
``structure.change_subdivision`` on the subdivision they head (granted per object), and that right
reaches every subdivision under it: the head changes the unit they head and its subtree, never a
parent, a sibling or another subtree. Reading the structure is a model right (the structure is
public anyway); the admin's list of subdivisions shows a head the subtree they may change
(``SubdivisionViewSet.narrow_to_changeable``).
"""

from wagtail.permissions import register_permission_policy

from governance.access import objects
from governance.access.policy import has_permission, has_role, list_filter, permission_rule, rule
from governance.access.wagtail import AccessPolicy
from governance.structure.models import Position, Subdivision
from governance.structure.selectors import subtree_ids

CHANGE = "structure.change_subdivision"

for action in ("view", "add", "delete"):
    permission_rule(f"structure.{action}_subdivision")

_SUBTREE = "_kyzmat_changeable_subtree"
objects.USER_CACHES.add(_SUBTREE)


def changeable_subtree(user) -> set[int]:
    """The subdivisions ``user`` was granted to change one by one, with everything under them.

    Read once and kept on the user object, like the role codes: a list asks for every row."""
    cached = getattr(user, _SUBTREE, None)
    if cached is None:
        granted = objects.objects_with_permission(user, CHANGE, Subdivision.objects.all())
        cached = subtree_ids(granted.values_list("pk", flat=True)) if granted.exists() else set()
        setattr(user, _SUBTREE, cached)
    return cached


@rule(CHANGE)
def change_subdivision(user, subdivision=None):
    if has_permission(user, CHANGE):
        return True
    return subdivision is not None and subdivision.pk in changeable_subtree(user)


@list_filter(CHANGE)
def changeable_subdivisions(user, queryset):
    if has_permission(user, CHANGE):
        return queryset
    subtree = changeable_subtree(user)
    return queryset.filter(pk__in=subtree) if subtree else queryset.none()


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
