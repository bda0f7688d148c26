"""Reads that the admin's lists, the inspect page, the dashboard and the reminders share."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Prefetch, Q, QuerySet

from documents.instructions.enums import ENDED, InstructionStatus
from documents.instructions.models import ExtensionRequest, Instruction, Report
from governance.access import policy


def visible(user) -> QuerySet:
    return policy.visible(user, "documents.view_instruction", Instruction.objects.all())


def for_list(queryset: QuerySet) -> QuerySet:
    """What a list of instructions shows, in a fixed number of queries whatever its length."""
    return queryset.select_related("executor", "controller", "subdivision").prefetch_related("co_executors")


def with_details(queryset: QuerySet) -> QuerySet:
    """One instruction's page: its people, reports, extension requests and sub-instructions."""
    return queryset.select_related(
        "author", "executor", "controller", "subdivision", "parent", "subject_type"
    ).prefetch_related(
        "co_executors",
        Prefetch("reports", queryset=Report.objects.select_related("author", "decided_by")),
        Prefetch("extensions", queryset=ExtensionRequest.objects.select_related("requested_by", "decided_by")),
        Prefetch("children", queryset=Instruction.objects.select_related("executor")),
    )


def mine(user, queryset: QuerySet | None = None) -> QuerySet:
    """Open instructions ``user`` executes, as the responsible executor or a co-executor."""
    queryset = Instruction.objects.all() if queryset is None else queryset
    executing = Instruction.objects.filter(Q(executor=user) | Q(co_executors=user)).values("pk")
    return queryset.open().filter(pk__in=executing)


def on_control(user, queryset: QuerySet | None = None) -> QuerySet:
    """Open instructions ``user`` controls."""
    queryset = Instruction.objects.all() if queryset is None else queryset
    return queryset.open().filter(controller=user)


def overdue(day: datetime.date, queryset: QuerySet | None = None) -> QuerySet:
    """Still in execution after the deadline in force on ``day`` (a granted extension counts)."""
    queryset = Instruction.objects.all() if queryset is None else queryset
    return queryset.overdue_on(day)


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


def due_this_week(day: datetime.date, queryset: QuerySet | None = None) -> QuerySet:
    """Open instructions due from ``day`` to the end of its week."""
    queryset = Instruction.objects.all() if queryset is None else queryset
    return queryset.due_between(day, week_of(day)[1])


@dataclass(frozen=True)
class DisciplineRow:
    subdivision: object  # a Subdivision, or None for instructions without one
    total: int
    done_on_time: int
    done_late: int
    overdue: int
    in_execution: int


def discipline(*, day: datetime.date, first: datetime.date, last: datetime.date) -> list[DisciplineRow]:
    """Per subdivision of the executor: the instructions due from ``first`` to ``last``, how many
    were done on time, done late, are overdue on ``day``, and are still in execution in time."""
    done = Q(status=InstructionStatus.DONE)
    rows = (
        Instruction.objects.filter(deadline__range=(first, last))
        .exclude(status__in=ENDED - {InstructionStatus.DONE})
        .values("subdivision")
        .annotate(
            total=Count("pk"),
            done_on_time=Count("pk", filter=done & Q(done_on__lte=F("deadline"))),
            done_late=Count("pk", filter=done & Q(done_on__gt=F("deadline"))),
            overdue=Count("pk", filter=Q(status=InstructionStatus.ISSUED, deadline__lt=day)),
        )
        .order_by("subdivision")
    )
    rows = list(rows)
    subdivision_model = Instruction._meta.get_field("subdivision").related_model
    subdivisions = subdivision_model._default_manager.in_bulk(
        [row["subdivision"] for row in rows if row["subdivision"]]
    )
    return [
        DisciplineRow(
            subdivision=subdivisions.get(row["subdivision"]),
            total=row["total"],
            done_on_time=row["done_on_time"],
            done_late=row["done_late"],
            overdue=row["overdue"],
            in_execution=row["total"] - row["done_on_time"] - row["done_late"] - row["overdue"],
        )
        for row in rows
    ]
