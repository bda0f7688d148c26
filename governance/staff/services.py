import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from governance.access import policy
from governance.staff.models import Delegation
from governance.staff.selectors import may_act_for_chairman


@transaction.atomic
def delegation_create(*, actor, delegate, date_from: datetime.date, date_to: datetime.date, basis: str) -> Delegation:
    """The chairman gives a deputy the chairman's powers for dated days."""
    policy.require(actor, "staff.add_delegation")
    if delegate.pk == actor.pk:
        raise ValidationError({"delegate": _("The chairman's powers are delegated to someone else.")})
    if not may_act_for_chairman(delegate):
        raise ValidationError({"delegate": _("Only a deputy chairman may act for the chairman.")})
    delegation = Delegation(delegate=delegate, date_from=date_from, date_to=date_to, basis=basis, created_by=actor)
    delegation.full_clean()
    delegation.save()
    log(instance=delegation, action="wagtail.create", user=actor)
    return delegation
