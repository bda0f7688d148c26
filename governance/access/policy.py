"""The one permission policy: every view, API endpoint, feed and search asks here.

Each app registers its rules from its own ``permissions.py``:

    @rule("structure.change_subdivision")
    def change_subdivision(user, subdivision):
        return has_permission(user, "structure.change_subdivision", subdivision)

``can(user, action, obj)`` answers a single question, ``require`` raises a translated
``PermissionDenied``, and ``visible(user, action, queryset)`` narrows a list to what the user may
see. Anonymous and inactive users are refused before any rule runs, except by the rules
registered with ``public=True`` (what anyone may read: a published order, say), which answer for
them too. An action nobody registered is a programming error and raises, so that a typo never
silently allows or refuses.
"""

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db.models import Model, QuerySet
from django.utils.translation import gettext_lazy as _

from governance.access import objects

Rule = Callable[[object, Model | None], bool]
Filter = Callable[[object, QuerySet], QuerySet]

_rules: dict[str, Rule] = {}
_filters: dict[str, Filter] = {}
_public: set[str] = set()


def rule(action: str, *, public: bool = False) -> Callable[[Rule], Rule]:
    """Register the function that answers ``action``; a public rule answers anonymous users too."""

    def register(function: Rule) -> Rule:
        if action in _rules and _rules[action] is not function:
            raise ImproperlyConfigured(f"The rule {action!r} is registered twice.")
        _rules[action] = function
        if public:
            _public.add(action)
        return function

    return register


def list_filter(action: str) -> Callable[[Filter], Filter]:
    """Register how a queryset is narrowed for ``action`` (default: per-object permission)."""

    def register(function: Filter) -> Filter:
        _filters[action] = function
        return function

    return register


def registered_actions() -> list[str]:
    return sorted(_rules)


def is_registered(action: str) -> bool:
    return action in _rules


def is_public(action: str) -> bool:
    return action in _public


def _is_active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def _answers(user, action: str) -> bool:
    """Whether the rule of ``action`` is asked at all: for active users, or for anyone if public."""
    if action not in _rules:
        raise ImproperlyConfigured(f"No rule is registered for {action!r}.")
    return action in _public or _is_active(user)


def can(user, action: str, obj: Model | None = None) -> bool:
    if not _answers(user, action):
        return False
    return bool(_rules[action](user, obj))


def require(user, action: str, obj: Model | None = None) -> None:
    """Raise PermissionDenied, with a message in the user's language, unless ``can`` allows."""
    if not can(user, action, obj):
        raise PermissionDenied(_("You do not have the right to do this."))


def visible(user, action: str, queryset: QuerySet) -> QuerySet:
    """The rows of ``queryset`` on which ``user`` may take ``action``."""
    if not _answers(user, action):
        return queryset.none()
    if action in _filters:
        return _filters[action](user, queryset)
    if not _is_active(user):
        return queryset.none()  # a public rule without a list filter lists nothing to anonymous users
    return objects.objects_with_permission(user, action, queryset)


def has_permission(user, permission: str, obj: Model | None = None) -> bool:
    """A model permission ("app.codename"), or the same permission on this one object."""
    if user.has_perm(permission):
        return True
    return obj is not None and objects.has_object_permission(user, permission, obj)


_ROLES_ATTRIBUTE = "_kyzmat_role_codes"


def role_codes(user) -> frozenset[str]:
    """The codes of the user's roles, read once and kept on the user object (as Django keeps its
    permission cache): a list page asks a rule for every row. Changing the user's groups through
    ``user.groups`` drops the copy (see ``forget_roles``)."""
    if not _is_active(user):
        return frozenset()
    codes = getattr(user, _ROLES_ATTRIBUTE, None)
    if codes is None:
        codes = frozenset(user.groups.filter(role__isnull=False).values_list("role__code", flat=True))
        setattr(user, _ROLES_ATTRIBUTE, codes)
    return codes


def model_answers(user) -> dict[str, bool]:
    """The model-level answers ("may this user change subdivisions at all?") kept on the user
    object, as Django keeps its permission cache: a request loads its user afresh, so they last one
    request. Granting a right to the same user object drops them (``forget_roles``)."""
    if user is None:
        return {}
    return user.__dict__.setdefault(objects.ANSWERS_ATTRIBUTE, {})


def forget_roles(user) -> None:
    """Drop the user's kept role codes and model-level answers: the next question reads them again."""
    user.__dict__.pop(_ROLES_ATTRIBUTE, None)
    objects.forget(user)


def has_role(user, code: str) -> bool:
    return code in role_codes(user)


def permission_rule(action: str, permission: str | None = None) -> Rule:
    """Register the common rule: the model permission, or the object permission on ``obj``."""
    permission = permission or action

    def check(user, obj=None):
        return has_permission(user, permission, obj)

    check.__name__ = f"rule_{action.replace('.', '_')}"
    return rule(action)(check)
