"""The public registry of orders: published public orders only, in the reader's language.

Every view asks the policy's public rule "orders.read_published" (through the selectors), the
same for anonymous readers and staff: personnel and internal orders, and orders never published,
are never in it.
"""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from documents.docx import pdf
from governance.access.caching import public_for_anonymous
from governance.access.params import QueryParams
from governance.access.people import full_name
from governance.orders import selectors
from governance.orders.docx import annex_file_name, file_name
from governance.orders.enums import link_sentence_html
from governance.orders.models import Order

PER_PAGE = 20

# A link read from the page's own order: (kind, taken) → the sentence, "%(order)s" the other order.
# Each language puts the verb where it belongs, so the sentence is translated whole.


def link_sentence(line: selectors.PublicLink) -> SafeString:
    other = line.other
    return link_sentence_html(
        line.kind,
        taken=line.taken,
        url=reverse("orders:detail", args=[other.year, other.number_display]),
        text=_("No. %(number)s of %(date)s")
        % {"number": other.number_display, "date": other.signed_on.strftime("%d.%m.%Y")},
    )


def signer_line(order: Order) -> str:
    post = _("Acting chairman") if order.signed_as_acting else _("Chairman")
    return f"{post}: {full_name(order.signed_by)}"


def _public_order(request, year: int, number: str) -> Order:
    try:
        return selectors.public_order_by_number(request.user, year, number)
    except Order.DoesNotExist:
        raise Http404 from None


@require_GET
def by_id(request, pk: int, view: str, annex: int | None = None):
    """The first addresses of the registry, by database id: a permanent redirect to the order's
    address by year and number, for a published public order only (others stay a 404)."""
    try:
        order = selectors.public_order(request.user, pk)
    except Order.DoesNotExist:
        raise Http404 from None
    args = [order.year, order.number_display] + ([annex] if annex else [])
    return redirect(f"orders:{view}", *args, permanent=True)


@require_GET
@public_for_anonymous
def registry(request):
    params = QueryParams(request.GET)
    year, query, day = params.year("year"), params.search("q"), params.date("date")
    orders = selectors.public_registry(request.user, year=year, query=query, in_force_on=day)
    page = Paginator(orders, PER_PAGE).get_page(params.page())
    return render(
        request,
        "orders/registry.html",
        {
            "page_obj": page,
            "years": selectors.public_years(request.user),
            "year": year,
            "query": query,
            "day": day,
            "ignored": params.errors,
        },
    )


@require_GET
@public_for_anonymous
def detail(request, year: int, number: str):
    order = _public_order(request, year, number)
    return render(
        request,
        "orders/detail.html",
        {
            "order": order,
            "links": [
                {"sentence": link_sentence(line), "reason": line.link.reason() if line.link else ""}
                for line in selectors.public_links(order)
            ],
            "signer": signer_line(order),
            "pdf_available": pdf.available(),
        },
    )


@require_GET
def docx(request, year: int, number: str):
    order = _public_order(request, year, number)
    return FileResponse(order.document.open("rb"), as_attachment=True, filename=file_name(order))


@require_GET
def pdf_file(request, year: int, number: str):
    order = _public_order(request, year, number)
    if not pdf.available():
        raise Http404
    try:
        with order.document.open("rb") as source:
            converted = pdf.stored_pdf(source.read(), folder="orders/pdf")  # a signed file never changes
    except pdf.Busy:
        response = HttpResponse(_("The PDF is being prepared; please try again in a minute."), status=503)
        response["Retry-After"] = "60"
        return response
    response = HttpResponse(converted, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{file_name(order, "pdf")}"'
    return response


@require_GET
def annex(request, year: int, number: str, annex: int):
    """An annex of a published public order: the order's own rule decides, not the file's URL."""
    attachment = _public_order(request, year, number).attachments.filter(pk=annex).first()
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=annex_file_name(attachment))
