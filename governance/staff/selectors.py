import datetime

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from governance.access.roles import ACTING_CHAIRMAN_ROLES
from governance.staff.models import Delegation


def is_acting_chairman(user, day: datetime.date) -> bool:
    """Whether ``user`` holds a delegation of the chairman's powers that covers ``day``."""
    return Delegation.objects.covering(day).filter(delegate_id=user.pk).exists()


def chairman_deputies() -> QuerySet:
    """Who may receive the chairman's powers: active holders of a role the roles table allows."""
    return get_user_model().objects.filter(is_active=True, groups__role__code__in=ACTING_CHAIRMAN_ROLES).distinct()


def may_act_for_chairman(user) -> bool:
    return chairman_deputies().filter(pk=user.pk).exists()
