from django.http import Http404
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.views.defaults import page_not_found


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that the open-data API's and the admin's answers pass untouched.

    Django redirects a 404 outside the language prefixes to the same path under ``/ky/``, which
    Wagtail's catch-all always accepts: an API client asking for a missing record would get a
    redirect to an HTML page instead of the API's own 404, and the admin's "not found" would become
    a redirect to a public page.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(("/api/", "/admin/")):
            return response
        return super().process_response(request, response)


class ReadersNotFoundMiddleware:
    """In development (``make run``, DEBUG on), a missing page shows the readers' own page in their
    language, as in production, instead of Django's debug page in English. Errors other than a
    missing page keep Django's debug page. ``DEBUG_404=1`` brings the debug page back for 404s."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and not request.path_info.startswith(("/api/", "/admin/")):
            return page_not_found(request, exception)
        return None
