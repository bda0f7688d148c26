from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.models import Page
from wagtail.views import authenticate_with_password as wagtail_authenticate_with_password

from cms.selectors import readable
from governance.access import lockout


def missing_translation(request, page_id: int):
    """Where the switcher lands when a page has no version in the reader's language.

    Only a page that the reader may read is named: a draft, or a page behind a password or a
    group, is a 404 like the page itself.
    """
    original = get_object_or_404(readable(request.user, Page.objects.select_related("locale")), pk=page_id).specific
    return TemplateResponse(request, "cms/missing_translation.html", {"original": original})


def robots_txt(request):
    """Crawlers may read everything public; the sitemap lists it."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /ky/search/",
        "Disallow: /ru/search/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_http_methods(["GET", "POST"])
def authenticate_with_password(request, page_view_restriction_id: int, page_id: int):
    """Wagtail's page password form, with the admin's lock-out after repeated wrong passwords."""
    scope = f"page-password:{page_view_restriction_id}"
    if request.method == "POST" and lockout.is_locked_out(request, scope):
        return lockout.lockout_response(request)
    response = wagtail_authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:  # the form again: a wrong password
        lockout.password_failed(request, scope)
        if lockout.is_locked_out(request, scope):
            return lockout.lockout_response(request)
    return response
