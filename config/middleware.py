from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that the open-data API's answers pass untouched.

    Django redirects a 404 outside the language prefixes to the same path under ``/ky/``, which
    Wagtail's catch-all always accepts: an API client asking for a missing record would get a
    redirect to an HTML page instead of the API's own 404.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
