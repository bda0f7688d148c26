"""sitemap.xml: every live public page of the site in both languages, with its alternates."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class SiteSitemap(Sitemap):
    i18n = False  # the pages carry their own language prefix

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        queryset = Page.objects.none()
        for home in homes:
            queryset |= Page.objects.descendant_of(home, inclusive=True)
        return queryset.live().public().order_by("path").defer_streamfields().specific()
