"""The public page of the Public Council's recommendations and the agency's responses."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.views.decorators.http import require_GET

from governance.access import policy
from governance.access.params import QueryParams
from governance.bodies.models import Recommendation

PER_PAGE = 20


@require_GET
def recommendations(request):
    published = policy.visible(request.user, "bodies.read_published_recommendation", Recommendation.objects.all())
    params = QueryParams(request.GET)
    page = Paginator(published.select_related("body").order_by("-adopted_on", "-number"), PER_PAGE).get_page(
        params.page()
    )
    return render(request, "bodies/public_recommendations.html", {"page_obj": page, "recommendations": page})
