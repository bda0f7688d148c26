"""People as their colleagues know them: the full name and the post, in the reader's language.

Every choice and list of users in the admin shows ``person_label(user)``, never the login: the
form field override in ``apps.py`` gives every user field of a Wagtail admin form a
``PersonChoiceField``. Until the staff module records positions, the post is the user's roles.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Prefetch, QuerySet
from django.utils.translation import get_language

from governance.access.models import Role
from governance.access.roles import ROLES_BY_CODE


def with_posts(queryset: QuerySet) -> QuerySet:
    """Users with what ``person_label`` reads, in two queries whatever their number."""
    return queryset.prefetch_related(Prefetch("groups__role", queryset=Role.objects.all()))


def full_name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def posts(user, language: str | None = None) -> list[str]:
    language = (language or get_language() or "ky")[:2]
    names = []
    for group in user.groups.all():
        spec = ROLES_BY_CODE.get(getattr(getattr(group, "role", None), "code", ""))
        if spec is not None:
            names.append(spec.name_ru if language == "ru" else spec.name_ky)
    return sorted(names)


def person_label(user, language: str | None = None) -> str:
    """ "Азамат Токтосунов — Төрага": the full name, then the posts."""
    held = posts(user, language)
    return f"{full_name(user)} — {', '.join(held)}" if held else full_name(user)


def people() -> QuerySet:
    return with_posts(get_user_model().objects.filter(is_active=True).order_by("first_name", "last_name", "username"))


class PersonChoiceField(forms.ModelChoiceField):
    """A choice of a user that shows people by name and post, active users only."""

    def __init__(self, queryset=None, **kwargs):
        queryset = (
            people() if queryset is None else with_posts(queryset.order_by("first_name", "last_name", "username"))
        )
        super().__init__(queryset=queryset, **kwargs)

    def label_from_instance(self, obj) -> str:
        return person_label(obj)


class PersonMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A choice of several users, shown by name and post."""

    def __init__(self, queryset=None, **kwargs):
        super().__init__(queryset=people() if queryset is None else with_posts(queryset), **kwargs)

    def label_from_instance(self, obj) -> str:
        return person_label(obj)
