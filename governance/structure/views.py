"""The public "Structure" page: the subdivisions on the date the reader chooses, and their heads'
names and posts; nothing personal besides."""

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from governance.access import policy
from governance.access.params import QueryParams
from governance.structure import selectors


@require_GET
def public_structure(request):
    policy.require(request.user, "structure.view_public_structure")
    params = QueryParams(request.GET)
    day = params.date("date") or timezone.localdate()
    tree = selectors.structure_on(day)
    heads = selectors.heads_on(day, [node.subdivision for node in tree])
    return render(
        request,
        "structure/public.html",
        {
            "day": day,
            "nodes": [(node, heads.get(node.subdivision.pk)) for node in tree],
            "ignored": params.errors,
        },
    )
