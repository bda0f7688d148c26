"""The staff search: every record the policy lets this user see, and nothing else.

Each ``Source`` is one kind of record. Its rows are the module's own list for this user, asked of
the policy (``governance.access``: the snippet's permission policy, or the module's list filter),
turned into a plain ``pk__in`` filter that every search backend accepts (``searchable``), and only
then searched. The permission filter is therefore part of the search query itself: a count, a
facet and a page are computed over the rows the user may see, never trimmed afterwards.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.core.paginator import Paginator
from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.search.backends import get_search_backend

from documents.appeals.models import Appeal
from governance.access import policy
from governance.access.admin import readable, searchable
from governance.access.params import QueryParams
from governance.agreements.models import Agreement
from governance.bodies.models import Decision, Material, Meeting, Minutes
from governance.grants.models import Grant
from governance.orders.models import Order
from governance.staff.models import Employee
from search.query import text_query


def _admin_link(obj: Model) -> str:
    """The record's page in the admin: its inspect view where it has one, else its edit view."""
    viewset = type(obj).snippet_viewset
    view = "inspect" if viewset.inspect_view_enabled else "edit"
    return reverse(viewset.get_url_name(view), args=[quote(obj.pk)])


def _meeting_link(meeting_id: int) -> str:
    return reverse("members:meeting", args=[meeting_id])


def _snippet_rows(model: type[Model]) -> Callable[[object], QuerySet]:
    """The rows the snippet's own admin list shows this user."""
    return lambda user: readable(user, model)


def _meeting_rows(model: type[Model], path: str) -> Callable[[object], QuerySet]:
    """The records of the meetings that the user may see (``bodies.view_meeting``)."""
    return lambda user: model.objects.filter(
        **{f"{path}__in": policy.visible(user, "bodies.view_meeting", Meeting.objects.all())}
    )


def _local_date(value) -> datetime.date | None:
    return timezone.localdate(value) if isinstance(value, datetime.datetime) else value


@dataclass(frozen=True)
class Source:
    kind: str
    model: type[Model]
    rows: Callable[[object], QuerySet]
    title: Callable[[Model], str]
    date: Callable[[Model], datetime.date | datetime.datetime | None]
    link: Callable[[Model], str]
    related: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        return capfirst(self.model._meta.verbose_name_plural)

    def searched_rows(self, user) -> QuerySet:
        """This user's rows of this kind, as the search backends take them (``searchable``)."""
        rows = searchable(self.rows(user))
        return rows.select_related(*self.related) if self.related else rows

    def results(self, rows: QuerySet, query: str, *, ranked: bool = True):
        """The ``rows`` (``searched_rows``) that match ``query``: the best first, or the newest
        first where ``ranked`` is false."""
        backend = get_search_backend()
        if not ranked:
            return backend.search(text_query(query), rows.order_by("-id"), order_by_relevance=False)
        return backend.search(text_query(query), rows)


# People first: a surname typed by HR finds the person before the orders that name them.
SOURCES: tuple[Source, ...] = (
    Source(
        "people",
        Employee,
        _snippet_rows(Employee),
        title=lambda employee: employee.full_name(),
        date=lambda employee: None,
        link=_admin_link,
    ),
    Source(
        "orders",
        Order,
        _snippet_rows(Order),
        title=lambda order: f"{order.number_display} {order.title()}".strip(),
        date=lambda order: order.signed_on or order.created_at,
        link=_admin_link,
    ),
    Source(
        "decisions",
        Decision,
        _meeting_rows(Decision, "item__meeting"),
        title=lambda decision: f"{decision.number_display} {decision.text()}".strip(),
        date=lambda decision: decision.registered_on or decision.item.meeting.starts_at,
        link=lambda decision: _meeting_link(decision.item.meeting_id),
        related=("item__meeting",),
    ),
    Source(
        "minutes",
        Minutes,
        _meeting_rows(Minutes, "meeting"),
        title=str,
        date=lambda minutes: minutes.meeting.starts_at,
        link=lambda minutes: _meeting_link(minutes.meeting_id),
        related=("meeting__body",),
    ),
    Source(
        "materials",
        Material,
        lambda user: policy.visible(user, "bodies.view_material", Material.objects.all()),
        title=lambda material: material.title,
        date=lambda material: material.added_at,
        link=lambda material: _meeting_link(material.item.meeting_id),
        related=("item",),
    ),
    Source(
        "appeals",
        Appeal,
        _snippet_rows(Appeal),
        title=lambda appeal: f"{appeal.number} {appeal.signed_by}",
        date=lambda appeal: appeal.registered_on,
        link=_admin_link,
    ),
    Source(
        "agreements",
        Agreement,
        _snippet_rows(Agreement),
        title=lambda agreement: agreement.title(),
        date=lambda agreement: agreement.signed_on or agreement.created_at,
        link=_admin_link,
    ),
    Source(
        "grants",
        Grant,
        _snippet_rows(Grant),
        title=lambda grant: grant.title(),
        date=lambda grant: grant.starts_on,
        link=_admin_link,
    ),
)
KINDS = {source.kind: source for source in SOURCES}


@dataclass(frozen=True)
class Hit:
    kind: str
    label: str
    title: str
    date: datetime.date | None
    link: str


@dataclass(frozen=True)
class Facet:
    kind: str
    label: str
    count: int
    more: bool = False  # more matches than ``count``, which stops at COUNT_AT_MOST


class Hits(Sequence):
    """The matches of several sources, one kind after another, as one sequence a Paginator pages:
    its length is the sum of the sources' counts, and a page slices only the sources it spans."""

    def __init__(self, parts: list[tuple[Source, object, int]]):
        self.parts = parts  # (source, search results, count)

    def __len__(self) -> int:
        return sum(count for _, _, count in self.parts)

    def count(self) -> int:
        return len(self)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _ = index.indices(len(self))
        hits, offset = [], 0
        for source, results, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                hits += [_hit(source, obj) for obj in results[low:high]]
            offset += count
        return hits


def _hit(source: Source, obj: Model) -> Hit:
    return Hit(source.kind, source.label, source.title(obj), _local_date(source.date(obj)), source.link(obj))


# Ranking scores every match before it takes the best, and counting reads every match: over a word
# that tens of thousands of records contain, either alone outlasts the page's budget. So a kind is
# counted up to COUNT_AT_MOST matches (past it the page says "more than"), and past RANK_AT_MOST
# matches it is listed newest first, unranked, which the index answers without scoring every match
# (docs/search.md).
RANK_AT_MOST = 1000
COUNT_AT_MOST = 1000


@dataclass(frozen=True)
class StaffSearch:
    hits: Hits
    facets: list[Facet]
    total: int

    @property
    def more(self) -> bool:
        """Whether some kind has more matches than it counted."""
        return any(facet.more for facet in self.facets)


def staff_search(user, query: str, *, kind: str = "") -> StaffSearch:
    """Every record of every kind (or of ``kind``) that ``user`` may see and that matches ``query``;
    the facets count each kind over the same rows, up to ``COUNT_AT_MOST`` each. A kind with more
    than ``RANK_AT_MOST`` matches is listed newest first; its pages reach its counted rows."""
    parts, facets = [], []
    for source in SOURCES:
        rows = source.searched_rows(user)
        newest = source.results(rows, query, ranked=False)
        count = newest[0 : COUNT_AT_MOST + 1].count()
        more = count > COUNT_AT_MOST
        count = min(count, COUNT_AT_MOST)
        if not count:
            continue
        results = newest if more or count > RANK_AT_MOST else source.results(rows, query)
        parts.append((source, results, count))
        facets.append(Facet(source.kind, source.label, count, more))
    total = sum(facet.count for facet in facets)
    shown = [part for part in parts if not kind or part[0].kind == kind]
    return StaffSearch(Hits(shown), facets, total)


PER_PAGE = 20


class StaffSearchView(WagtailAdminTemplateMixin, TemplateView):
    """The records a signed-in member of staff may read, found by a word or two, with a count of
    each kind. Only letters, digits and spaces reach the backends (``QueryParams.search``); an
    unknown kind or page shows the first page of every kind."""

    template_name = "search/staff.html"
    page_title = _("Search the records")
    header_icon = "search"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        params = QueryParams(self.request.GET)
        query = params.search("q")
        kind = params.text("kind", max_length=20)
        kind = kind if kind in KINDS else ""
        found = staff_search(self.request.user, query, kind=kind) if query else None
        context.update(
            search_query=query,
            kind=kind,
            found=found,
            results=Paginator(found.hits, PER_PAGE).get_page(params.page()) if found else None,
            ignored=params.errors,
        )
        return context
