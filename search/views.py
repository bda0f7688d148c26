"""The public search: pages of the reader's language and the public records of every source
(``search/sources.py``), ranked together, with filters by kind and year, and title suggestions."""

import dataclasses
import datetime
import difflib

from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from governance.access.params import QueryParams
from search import kyrgyz
from search.query import Match, text_query
from search.sources import BY_KEY, SOURCES

PER_PAGE = 10
CANDIDATES = 100  # per source: a common word is ranked among the newest this many, not all rows
SNIPPET_WORDS = 40
SUGGESTIONS = 8
TITLES_TIMEOUT = 300  # seconds the titles for suggestions are kept, per language
TITLES_LIMIT = 5000


@dataclasses.dataclass
class Hit:
    kind: str
    kind_label: str
    title: str
    url: str
    date: datetime.date | None
    language: str
    rank: tuple
    record: object
    text: str = ""
    detail: str = ""

    @property
    def year(self) -> int | None:
        return self.date.year if self.date else None

    @property
    def language_name(self) -> str:
        return get_language_info(self.language)["name_local"]


def _language() -> str:
    return "ru" if (get_language() or "").startswith("ru") else "ky"


def _hits(request, query: str, language: str) -> list[Hit]:
    """Every source's candidates for ``query``, ranked together: exact titles first, then titles
    with every word as typed, then in some form, then texts; the reader's language, then newest."""
    match = Match(query)
    search = text_query(query)
    hits = []
    for source in SOURCES:
        candidates = source.queryset(request.user, language)
        for record in candidates.search(search, order_by_relevance=False)[:CANDIDATES]:
            title, title_language = source.title(record, language)
            number = source.number(record)
            titles = {title, source.title(record, "ky")[0], source.title(record, "ru")[0]}
            title_level = min(match.level(f"{number} {text}" if number else text) for text in titles)
            text = source.text(record, language)
            date = source.date(record)
            rank = (
                title_level,
                match.level(text),
                title_language != language,
                -(date.toordinal() if date else 0),
            )
            hits.append(
                Hit(
                    kind=source.key,
                    kind_label=str(source.label),
                    title=title,
                    url=source.url(record, request),
                    date=date,
                    language=title_language,
                    rank=rank,
                    record=record,
                    text=text,
                    detail=source.detail(record),
                )
            )
    hits.sort(key=lambda hit: hit.rank)
    return hits


def _facets(hits: list[Hit], kind: str, year: int | None) -> tuple[list[dict], list[dict]]:
    """Counts by kind (within the chosen year) and by year (within the chosen kind), from the same
    hits as the results."""
    kinds = {}
    for hit in hits:
        if year is None or hit.year == year:
            kinds[hit.kind] = kinds.get(hit.kind, 0) + 1
    years = {}
    for hit in hits:
        if hit.year and (not kind or hit.kind == kind):
            years[hit.year] = years.get(hit.year, 0) + 1
    kind_facets = [
        {"key": source.key, "label": source.label, "count": kinds[source.key], "chosen": source.key == kind}
        for source in SOURCES
        if kinds.get(source.key)
    ]
    year_facets = [{"year": y, "count": years[y], "chosen": y == year} for y in sorted(years, reverse=True)]
    return kind_facets, year_facets


def public_titles(request, language: str) -> list[dict]:
    """The titles of what anyone may read, in ``language``: for suggestions and the no-results page.
    Cached per language for a few minutes; built for an anonymous reader, whoever asks."""
    key = f"search:titles:{language}"
    titles = cache.get(key)
    if titles is None:
        titles, anonymous = [], AnonymousUser()
        for source in SOURCES:
            for record in source.queryset(anonymous, language)[:TITLES_LIMIT]:
                title = source.title(record, language)[0]
                if title:
                    titles.append({"title": title, "url": source.url(record, request), "kind": str(source.label)})
        cache.set(key, titles, TITLES_TIMEOUT)
    return titles


def _did_you_mean(query: str, titles: list[dict]) -> str:
    """The query with each unknown word replaced by the nearest word of the titles, if any changed."""
    vocabulary = {word for item in titles for word in kyrgyz.words(item["title"]) if len(word) > 2}
    words, changed = [], False
    for word in kyrgyz.words(query):
        if word in vocabulary or word.isdigit():
            words.append(word)
            continue
        nearest = difflib.get_close_matches(word, vocabulary, n=1, cutoff=0.75)
        words.append(nearest[0] if nearest else word)
        changed = changed or bool(nearest)
    return " ".join(words) if changed else ""


def _nearest_titles(query: str, titles: list[dict]) -> list[dict]:
    by_title = {item["title"].lower(): item for item in titles}
    nearest = difflib.get_close_matches(query.lower(), list(by_title), n=5, cutoff=0.3)
    return [by_title[title] for title in nearest]


@require_GET
def search(request):
    # Letters, digits and spaces only: the backends' query syntax (quotes, operators, colons) is
    # not the reader's concern, and a stray character must never turn into an error page.
    params = QueryParams(request.GET)
    query = params.search("q")
    kind = request.GET.get("kind", "")
    kind = kind if kind in BY_KEY else ""
    year = params.year("year")
    language = _language()
    context = {"search_query": query, "title": _("Search"), "ignored": params.errors, "results": None}
    if query:
        match = Match(query)
        hits = _hits(request, query, language)
        context["kinds"], context["years"] = _facets(hits, kind, year)
        shown = [hit for hit in hits if (not kind or hit.kind == kind) and (year is None or hit.year == year)]
        results = Paginator(shown, PER_PAGE).get_page(params.page())
        for hit in results:
            hit.title_html = match.highlight(hit.title)
            hit.snippet_html = match.highlight(hit.text, words=SNIPPET_WORDS) if hit.text else ""
        context.update(results=results, kind=kind, year=year, total=len(hits))
        if not shown:
            titles = public_titles(request, language)
            context["did_you_mean"] = _did_you_mean(query, titles)
            context["nearest"] = _nearest_titles(query, titles)
    response = TemplateResponse(request, "search/search.html", context)
    patch_cache_control(response, private=True, max_age=0)
    return response


@require_GET
def suggest(request):
    """Titles that have a word beginning with the typed letters: the search box's suggestions."""
    query = kyrgyz.normalise(QueryParams(request.GET).search("q"))
    found = []
    if len(query) >= 2:
        folded = kyrgyz.fold(query)
        for item in public_titles(request, _language()):
            title = kyrgyz.normalise(item["title"])
            if title.startswith(query) or any(kyrgyz.fold(word).startswith(folded) for word in kyrgyz.words(title)):
                found.append(item)
                if len(found) == SUGGESTIONS:
                    break
    response = JsonResponse({"query": query, "suggestions": found})
    patch_cache_control(response, public=True, max_age=60)
    return response
