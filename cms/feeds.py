"""RSS and Atom feeds of bulletins and news, one per language (the URL's prefix)."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from cms.enums import FEED_KINDS, PublicationKind
from cms.selectors import live_publications

FEED_TITLES = {PublicationKind.BULLETIN: _("Bulletins"), PublicationKind.NEWS: _("News")}
FORMATS = {"rss": Rss201rev2Feed, "atom": Atom1Feed}
ITEMS = 20


def feed(request, section: str, kind: str):
    if section not in FEED_KINDS or kind not in FORMATS:
        raise Http404
    return PublicationFeed(FEED_KINDS[section], FORMATS[kind])(request)


class PublicationFeed(Feed):
    def __init__(self, kind: str, feed_type):
        super().__init__()
        self.kind = kind
        self.feed_type = feed_type

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.site = Site.find_for_request(request)
        return Locale.get_active()

    def title(self, locale):
        from governance.agency.models import AgencySettings

        agency = AgencySettings.for_request(self.request) if self.site else None
        name = agency.short_name() if agency and agency.pk else ""
        return f"{FEED_TITLES[self.kind]} · {name}" if name else str(FEED_TITLES[self.kind])

    def link(self, locale):
        return f"/{locale.language_code}/"

    def description(self, locale):
        return self.title(locale)

    def items(self, locale):
        return live_publications(self.request.user, locale).filter(kind=self.kind)[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.snippet

    def item_link(self, item):
        return item.get_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at or timezone.now()

    def item_updateddate(self, item):
        return item.last_published_at

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_categories(self, item):
        return [item.get_kind_display()]
