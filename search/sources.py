"""What the public search looks through: one "source" per kind of public record.

A source names a kind (its key and its label in the reader's language), the queryset of what a
reader may see — taken from the module's own public selector or policy rule, never re-derived here —
and how one of its records shows in a result: title, text, date, address and language. A module
joins the public search by declaring its search fields on its model (``index.Indexed``, with
``search_stems``) and adding one ``Source`` to ``SOURCES``.
"""

import dataclasses
import datetime
from collections.abc import Callable

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page

from cms.models import EventPage, LegalActPage, PublicationPage
from cms.selectors import readable
from governance.access import policy
from governance.agreements.selectors import public_agreements
from governance.bodies.models import Recommendation
from governance.orders.selectors import public_registry


def _in(obj, name: str, language: str) -> tuple[str, str]:
    """A bilingual field's value in ``language``, else in the other one, and the language it is in."""
    for code in (language, "ru" if language == "ky" else "ky"):
        value = getattr(obj, f"{name}_{code}", "")
        if value:
            return value, code
    return "", language


@dataclasses.dataclass(frozen=True)
class Source:
    key: str
    label: Promise
    queryset: Callable[[object, str], QuerySet]  # (user, language) → what the reader may see
    title: Callable[[object, str], tuple[str, str]]  # (record, language) → (title, its language)
    text: Callable[[object, str], str]
    date: Callable[[object], datetime.date | None]
    url: Callable[[object, object], str]  # (record, request) → its public address
    number: Callable[[object], str] = lambda obj: ""
    detail: Callable[[object], str] = lambda obj: ""  # a finer kind: a publication's "News"


def _pages(model=None, *, exclude=()):
    def queryset(user, language):
        pages = (model or Page).objects.filter(locale=Locale.objects.get(language_code=language))
        if exclude:
            pages = pages.not_type(*exclude)
        pages = readable(user, pages)
        if model is None:
            pages = pages.specific()
        return pages.defer_streamfields().order_by("-first_published_at")

    return queryset


def _page_date(page):
    value = getattr(page, "listing_date", None)
    return value.date() if isinstance(value, datetime.datetime) else value


def _page_source(key, label, model=None, *, exclude=()) -> Source:
    return Source(
        key=key,
        label=label,
        queryset=_pages(model, exclude=exclude),
        title=lambda page, language: (page.title, language),  # the source holds pages of that language
        text=lambda page, language: getattr(page, "snippet", "") or "",
        date=_page_date,
        url=lambda page, request: page.get_url(request),
        detail=lambda page: page.get_kind_display() if hasattr(page, "get_kind_display") else "",
    )


def _published_recommendations(user, language):
    # The policy's filter reaches the council through the body; the search filters by id alone.
    visible = policy.visible(user, "bodies.read_published_recommendation", Recommendation.objects.all())
    return (
        Recommendation.objects.filter(pk__in=visible.values("pk"))
        .select_related("body")
        .order_by("-adopted_on", "-number")
    )


SOURCES: list[Source] = [
    _page_source("publication", _("Publications"), PublicationPage),
    _page_source("event", _("Events"), EventPage),
    _page_source("act", _("Legal acts"), LegalActPage),
    _page_source("page", _("Pages"), exclude=(PublicationPage, EventPage, LegalActPage)),
    Source(
        key="order",
        label=_("Orders"),
        queryset=lambda user, language: public_registry(user),
        title=lambda order, language: _in(order, "title", language),
        text=lambda order, language: _in(order, "preamble", language)[0],
        date=lambda order: order.signed_on,
        url=lambda order, request: reverse("orders:detail", args=[order.year, order.number_display]),
        number=lambda order: order.number_display,
    ),
    Source(
        key="agreement",
        label=_("International agreements"),
        queryset=lambda user, language: public_agreements(user).order_by("-in_force_on", "-id"),
        title=lambda agreement, language: _in(agreement, "title", language),
        text=lambda agreement, language: _in(agreement, "subject", language)[0],
        date=lambda agreement: agreement.signed_on or agreement.in_force_on,
        url=lambda agreement, request: reverse("agreements:detail", args=[agreement.pk]),
    ),
    Source(
        key="recommendation",
        label=pgettext_lazy("search kind", "Public Council recommendations"),
        queryset=_published_recommendations,
        title=lambda item, language: _in(item, "subject", language),
        text=lambda item, language: _in(item, "text", language)[0],
        date=lambda item: item.adopted_on,
        url=lambda item, request: f"{reverse('council:recommendations')}#recommendation-{item.pk}",
        number=lambda item: item.number_display,
    ),
]

BY_KEY = {source.key: source for source in SOURCES}
