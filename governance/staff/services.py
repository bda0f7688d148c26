import datetime

from django.db import transaction
from wagtail.log_actions import log

from governance.access import policy
from governance.staff.models import Delegation


@transaction.atomic
def delegation_create(*, actor, delegate, date_from: datetime.date, date_to: datetime.date, basis: str) -> Delegation:
    """The chairman gives a deputy the chairman's powers for dated days."""
    policy.require(actor, "staff.add_delegation")
    delegation = Delegation(delegate=delegate, date_from=date_from, date_to=date_to, basis=basis, created_by=actor)
    delegation.full_clean()
    delegation.save()
    log(instance=delegation, action="wagtail.create", user=actor)
    return delegation
