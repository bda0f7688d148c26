"""The public list of donor projects: public grants, signed or later, in the reader's language."""

from django.shortcuts import render
from django.views.decorators.http import require_GET

from governance.grants import selectors


@require_GET
def public_list(request):
    return render(request, "grants/public_list.html", {"grants": selectors.public_grants(request.user)})
