"""Make the groups match the roles table: create, rename, set permissions exactly. Idempotent."""

from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from governance.access.models import Role
from governance.access.roles import ROLES, RoleSpec


def _permissions(names: tuple[str, ...], app_label: str | None = None) -> list[Permission]:
    found = []
    for name in names:
        label, codename = name.split(".", 1) if "." in name else (app_label, name)
        query = Permission.objects.filter(codename=codename)
        if label:
            query = query.filter(content_type__app_label=label)
        permission = query.first()
        if permission is None:
            raise ImproperlyConfigured(f"The roles table names an unknown permission: {name}")
        found.append(permission)
    return found


def _page_permissions(group: Group, spec: RoleSpec) -> None:
    root = Page.get_first_root_node()
    wanted = {p.pk: p for p in _permissions(spec.page_permissions, "wagtailcore")}
    GroupPagePermission.objects.filter(group=group).exclude(page=root, permission_id__in=wanted).delete()
    for permission in wanted.values():
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _collection_permissions(group: Group, spec: RoleSpec) -> None:
    root = Collection.get_first_root_node()
    wanted = {p.pk: p for p in _permissions(spec.collection_permissions)}
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=root, permission_id__in=wanted).delete()
    for permission in wanted.values():
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


@transaction.atomic
def sync_roles(roles: tuple[RoleSpec, ...] = ROLES) -> list[Group]:
    groups = []
    for spec in roles:
        role = Role.objects.select_related("group").filter(code=spec.code).first()
        if role is None:
            group = Group.objects.filter(name__in=[spec.group_name, spec.adopts]).order_by("pk").first()
            group = group or Group.objects.create(name=spec.group_name)
            role = Role.objects.create(code=spec.code, group=group)
        group = role.group
        if group.name != spec.group_name:
            group.name = spec.group_name
            group.save(update_fields=["name"])
        group.permissions.set(_permissions(spec.permissions))
        _page_permissions(group, spec)
        _collection_permissions(group, spec)
        groups.append(group)
    return groups
