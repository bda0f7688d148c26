import datetime

from governance.staff.models import Delegation


def is_acting_chairman(user, day: datetime.date) -> bool:
    """Whether ``user`` holds a delegation of the chairman's powers that covers ``day``."""
    return Delegation.objects.covering(day).filter(delegate_id=user.pk).exists()
