"""Reads that the public pages, feeds and the API share."""

from dataclasses import dataclass

from django.db.models import QuerySet
from taggit.models import Tag

from cms.enums import PublicationKind
from cms.models import PublicationPage, PublicationTag
from governance.access import policy
from governance.access.params import QueryParams


def readable(user, queryset: QuerySet) -> QuerySet:
    """The pages of ``queryset`` that ``user`` may read: live, and hidden by no restriction."""
    return policy.visible(user, "cms.read_page", queryset)


def live_publications(user, locale=None) -> QuerySet:
    """Readable publications, newest first, without their bodies (lists never show them)."""
    queryset = readable(user, PublicationPage.objects.all()).defer_streamfields().order_by("-date", "-pk")
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


@dataclass
class PublicationFilters:
    queryset: QuerySet
    year: int | None
    kind: str
    tag: str
    years: list[int]
    kinds: list[tuple[str, str]]
    tags: list[Tag]
    ignored: list[str]

    @property
    def active(self) -> bool:
        return bool(self.year or self.kind or self.tag)


def publication_filters(user, section, params) -> PublicationFilters:
    """A section's publications narrowed by year, kind and tag from the query string.

    Unknown values are ignored (and said so), never an error. The choices offered come from what the section
    holds, in a fixed number of queries whatever its size.
    """
    base = live_publications(user).descendant_of(section)
    queryset = base
    params = QueryParams(params)
    year = params.year("year")
    if year is not None:
        queryset = queryset.filter(date__year=year)
    kind = params.text("kind", max_length=30)
    if kind in PublicationKind.values:
        queryset = queryset.filter(kind=kind)
    else:
        kind = ""
    tag = params.text("tag", max_length=100)
    if tag:
        queryset = queryset.filter(tagged_items__tag__slug=tag)
    years = sorted({d.year for d in base.dates("date", "year")}, reverse=True)
    present = set(base.values_list("kind", flat=True).distinct().order_by())
    kinds = [(value, label) for value, label in PublicationKind.choices if value in present]
    tags = list(
        Tag.objects.filter(pk__in=PublicationTag.objects.filter(content_object__in=base.values("pk")).values("tag_id"))
        .order_by("name")
        .only("name", "slug")
    )
    return PublicationFilters(queryset, year, kind, tag, years, kinds, tags, params.errors)
