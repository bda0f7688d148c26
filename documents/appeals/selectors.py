import datetime

from django.db.models import Count, Q
from django.db.models.functions import Coalesce, TruncMonth

from documents.appeals.enums import OPEN, Status
from documents.appeals.models import Appeal


def statistics(*, today: datetime.date) -> dict:
    """Received, answered on time, answered late, overdue now, forwarded and left unconsidered: in
    total, by kind and by month."""
    due = Coalesce("extended_to", "deadline")
    counts = {
        "received": Count("pk"),
        "on_time": Count("pk", filter=Q(status=Status.ANSWERED, answered_on__lte=due)),
        "late": Count("pk", filter=Q(status=Status.ANSWERED, answered_on__gt=due)),
        "overdue": Count("pk", filter=Q(status__in=OPEN) & overdue_on(today)),
        "forwarded": Count("pk", filter=Q(status=Status.FORWARDED)),
        "unconsidered": Count("pk", filter=Q(status=Status.UNCONSIDERED)),
    }
    appeals = Appeal.objects.all()
    return {
        "total": appeals.aggregate(**counts),
        "by_kind": list(appeals.values("kind").annotate(**counts).order_by("kind")),
        "by_month": list(
            appeals.annotate(month=TruncMonth("registered_on"))
            .values("month")
            .annotate(**counts)
            .order_by("-month")[:24]
        ),
    }


def overdue_on(today: datetime.date) -> Q:
    return Q(extended_to__isnull=True, deadline__lt=today) | Q(extended_to__lt=today)


def is_overdue(appeal: Appeal, today: datetime.date) -> bool:
    return appeal.status in OPEN and appeal.due < today
