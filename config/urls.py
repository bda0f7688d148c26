from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap as sitemap_view
from wagtail.documents import urls as wagtaildocs_urls

from cms import feeds
from cms import views as cms_views
from cms.sitemaps import SiteSitemap
from config.api import api
from config.health import healthz
from governance.access import params  # noqa: F401 (registers the <id:…> converter)
from governance.access.admin import site_history_urls
from governance.access.caching import public_for_anonymous
from search import views as search_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    # the site history over our log table too, before Wagtail's own (see governance/access/admin.py)
    path("admin/reports/", include((site_history_urls, "site_history"))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", public_for_anonymous(sitemap_view), {"sitemaps": {"pages": SiteSitemap}}, name="sitemap"),
    path("robots.txt", cms_views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("no-translation/<id:page_id>/", cms_views.missing_translation, name="missing_translation"),
    path("orders/", include("governance.orders.urls")),
    path("structure/", include("governance.structure.urls")),
    path("members/", include("governance.bodies.urls")),
    path("appeals/", include("documents.appeals.urls")),
    path("agreements/", include("governance.agreements.urls")),
    path("grants/", include("governance.grants.urls")),
    path("public-council/", include("governance.bodies.public_urls")),
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("feeds/<slug:section>/<slug:kind>/", public_for_anonymous(feeds.feed), name="feed"),
    # Wagtail's page password view, with lock-out after repeated wrong passwords (before Wagtail's own).
    path(
        "_util/authenticate_with_password/<id:page_view_restriction_id>/<id:page_id>/",
        cms_views.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
)
