"""sitemap.xml: every live public page of the site in both languages, with its alternates."""

from django.contrib.auth.models import AnonymousUser
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.selectors import readable


class SiteSitemap(Sitemap):
    i18n = False  # the pages carry their own language prefix

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        queryset = Page.objects.none()
        for home in homes:
            queryset |= Page.objects.descendant_of(home, inclusive=True)
        # Crawlers read as anonymous visitors do.
        return readable(AnonymousUser(), queryset).order_by("path").defer_streamfields().specific()
