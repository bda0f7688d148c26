"""Reads that the lists, the reports and the documents share."""

from django.db.models import Count
from django.db.models.functions import ExtractYear

from governance.awards.models import Award, Nomination


def awards_of(employee):
    """The awards on an employee's record, the latest first."""
    return Award.objects.filter(employee=employee).select_related("kind", "order")


def awards_by_year(queryset=None):
    """How many awards were conferred each year, by kind: rows of year, kind, count."""
    queryset = Award.objects.all() if queryset is None else queryset
    rows = queryset.annotate(year=ExtractYear("conferred_on")).values("year", "kind").annotate(count=Count("pk"))
    totals: dict[int, int] = {}
    for row in rows:
        totals[row["year"]] = totals.get(row["year"], 0) + row["count"]
    return [{"year": year, "count": count} for year, count in sorted(totals.items(), reverse=True)]


def awards_by_subdivision(year: int, queryset=None):
    """How many awards each subdivision's people received in ``year``: rows of subdivision, count."""
    queryset = Award.objects.all() if queryset is None else queryset
    return list(
        queryset.of_year(year)
        .values("subdivision", "subdivision__name_ky", "subdivision__name_ru")
        .annotate(count=Count("pk"))
        .order_by("-count", "subdivision__name_ky")
    )


def open_nominations():
    return Nomination.objects.open().select_related("kind", "subdivision")
