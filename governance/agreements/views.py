"""The public list of international agreements: public agreements in force only, in the reader's
language, with their texts for download. Every view asks the policy's public rule
"agreements.read_published" (through the selectors), the same for anonymous readers and staff."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET

from governance.agreements import selectors
from governance.agreements.models import Agreement, AgreementText


@require_GET
def public_list(request):
    return render(request, "agreements/public_list.html", {"agreements": selectors.public_agreements(request.user)})


@require_GET
def public_detail(request, pk: int):
    try:
        agreement = selectors.public_agreement(request.user, pk)
    except Agreement.DoesNotExist:
        raise Http404 from None
    return render(
        request, "agreements/public_detail.html", {"agreement": agreement, "events": agreement.events.order_by("date")}
    )


@require_GET
def public_text(request, pk: int, text: int):
    try:
        found = selectors.public_text(request.user, pk, text)
    except (Agreement.DoesNotExist, AgreementText.DoesNotExist):
        raise Http404 from None
    name = f"agreement-{pk}-{found.pk}{found.extension}"
    return FileResponse(found.file.open("rb"), as_attachment=True, filename=name)
