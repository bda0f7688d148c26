"""Object permissions: the only module that talks to django-guardian.

Services grant and revoke rights on single objects through ``grant`` and ``revoke``; governance
models get guardian's direct foreign-key permission tables through ``direct_permission_models``.
"""

from django.contrib.auth.models import Group
from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from guardian.shortcuts import assign_perm, get_objects_for_user, get_perms, get_users_with_perms, remove_perm


def direct_permission_models(model: type[models.Model]) -> tuple[type, type]:
    """Define the user and group object-permission tables of ``model`` in its own app."""
    name = model.__name__
    attrs = {"__module__": model.__module__}

    user_model = type(
        f"{name}UserObjectPermission",
        (UserObjectPermissionBase,),
        {**attrs, "content_object": models.ForeignKey(model, on_delete=models.CASCADE)},
    )
    group_model = type(
        f"{name}GroupObjectPermission",
        (GroupObjectPermissionBase,),
        {**attrs, "content_object": models.ForeignKey(model, on_delete=models.CASCADE)},
    )
    return user_model, group_model


# Where the policy keeps a user's model-level answers for the request (``policy.model_answers``).
ANSWERS_ATTRIBUTE = "_kyzmat_model_answers"
# The attributes rules keep on a user object, derived from the user's rights on objects (read once
# per request, as Django keeps its permission cache): dropped when ``grant`` or ``revoke`` changes them.
USER_CACHES: set[str] = {ANSWERS_ATTRIBUTE}


def forget(holder) -> None:
    for name in USER_CACHES:
        holder.__dict__.pop(name, None)


def grant(holder, permission: str, obj: models.Model) -> None:
    """Give a user or a group ``permission`` ("app.codename") on one object."""
    assign_perm(permission, holder, obj)
    forget(holder)


def revoke(holder, permission: str, obj: models.Model) -> None:
    remove_perm(permission, holder, obj)
    forget(holder)


def has_object_permission(user, permission: str, obj: models.Model) -> bool:
    codename = permission.split(".", 1)[-1]
    return codename in get_perms(user, obj)


def objects_with_permission(user, permission: str, queryset: models.QuerySet) -> models.QuerySet:
    """Rows on which the user holds ``permission``, by model permission or per object."""
    return get_objects_for_user(user, permission, klass=queryset, accept_global_perms=True)


def group_for_role(code: str) -> Group:
    return Group.objects.get(role__code=code)


def users_with_roles(codes) -> models.QuerySet:
    """The active users who hold any of the roles ``codes``."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True, groups__role__code__in=list(codes)).distinct()


def users_holding(permission: str, obj: models.Model) -> models.QuerySet:
    """The users who hold ``permission`` on ``obj`` itself (granted to them, not through a group)."""
    codename = permission.split(".", 1)[-1]
    return get_users_with_perms(obj, only_with_perms_in=[codename], with_superusers=False, with_group_users=False)
