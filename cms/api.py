"""Open data: the public site's publications, in Kyrgyz and Russian. Read-only."""

from datetime import date
from uuid import UUID

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from cms.enums import PublicationKind
from cms.models import PublicationPage
from cms.selectors import live_publications, readable
from governance.access.params import YEARS, ApiId, Pagination

router = Router(tags=["publications"])


class PublicationOut(Schema):
    id: int
    language: str = Field(alias="locale.language_code")
    translation_key: UUID
    kind: PublicationKind
    title: str
    date: date
    lead: str
    summary: str
    issue_number: str
    period_start: date | None
    period_end: date | None
    url: str

    @staticmethod
    def resolve_url(obj, context) -> str:
        return obj.get_full_url(context["request"])


class PublicationDetailOut(PublicationOut):
    body: list[dict]
    tags: list[str]

    @staticmethod
    def resolve_body(obj) -> list[dict]:
        return list(obj.body.get_prep_value())

    @staticmethod
    def resolve_tags(obj) -> list[str]:
        return [tag.name for tag in obj.tags.all()]


class PublicationFilter(Schema):
    language: str | None = Field(None, pattern="^(ky|ru)$", description="ky or ru; both when empty")
    kind: PublicationKind | None = None
    year: int | None = Field(None, ge=YEARS[0], le=YEARS[1])


@router.get("/", response=list[PublicationOut], summary="Published publications, newest first")
@paginate(Pagination)
def publications(request, filters: Query[PublicationFilter]):
    queryset = live_publications(request.user).select_related("locale")
    if filters.language:
        queryset = queryset.filter(locale__language_code=filters.language)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.year:
        queryset = queryset.filter(date__year=filters.year)
    return queryset


@router.get("/{publication_id}/", response=PublicationDetailOut, summary="One published publication")
def publication(request, publication_id: int = ApiId()):
    return get_object_or_404(
        readable(request.user, PublicationPage.objects.select_related("locale")), pk=publication_id
    )
