"""The public registry of orders: published public orders only, in the reader's language.

Every view asks the policy's public rule "orders.read_published" (through the selectors), the
same for anonymous readers and staff: personnel and internal orders, and orders never published,
are never in it.
"""

from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from documents.docx import pdf
from governance.access.params import QueryParams
from governance.orders import selectors
from governance.orders.docx import annex_file_name, file_name
from governance.orders.models import Order

PER_PAGE = 20


def _public_order(request, pk: int) -> Order:
    try:
        return selectors.public_order(request.user, pk)
    except Order.DoesNotExist:
        raise Http404 from None


@require_GET
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
def detail(request, pk: int):
    return render(
        request, "orders/detail.html", {"order": _public_order(request, pk), "pdf_available": pdf.available()}
    )


@require_GET
def docx(request, pk: int):
    order = _public_order(request, pk)
    return FileResponse(order.document.open("rb"), as_attachment=True, filename=file_name(order))


@require_GET
def pdf_file(request, pk: int):
    order = _public_order(request, pk)
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
def annex(request, pk: int, annex: int):
    """An annex of a published public order: the order's own rule decides, not the file's URL."""
    attachment = _public_order(request, pk).attachments.filter(pk=annex).first()
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=annex_file_name(attachment))
