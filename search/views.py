"""The public search: live pages in the reader's language, whatever the query."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from cms.selectors import readable
from governance.access.params import QueryParams
from search.query import text_query

PER_PAGE = 10


def search(request):
    # Letters, digits and spaces only: the backends' query syntax (quotes, operators, colons) is
    # not the reader's concern, and a stray character must never turn into an error page.
    params = QueryParams(request.GET)
    query = params.search("q")
    results = None
    if query:
        pages = readable(request.user, Page.objects.filter(locale=Locale.get_active())).specific().defer_streamfields()
        results = Paginator(pages.search(text_query(query)), PER_PAGE).get_page(params.page())
    response = TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "title": _("Search"), "ignored": params.errors},
    )
    patch_cache_control(response, private=True, max_age=0)
    return response
