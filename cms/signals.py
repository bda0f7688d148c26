"""Keep a front-end cache fresh: when a page is published or unpublished, the lists that show it
(its section and the home page, in its language) are purged with it.

Wagtail's front-end cache app purges the page's own URLs; it runs only when ``FRONTEND_CACHE_URL``
configures a cache (``WAGTAILFRONTENDCACHE``), and so does this.
"""

from django.conf import settings
from wagtail.signals import page_published, page_unpublished


def purge_listing_pages(sender, instance, **kwargs):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(instance.get_ancestors().live().filter(depth__gte=2).specific())
    batch.purge()


def connect():
    from cms.models import EventPage, LegalActPage, PublicationPage

    for model in (PublicationPage, EventPage, LegalActPage):
        page_published.connect(purge_listing_pages, sender=model, dispatch_uid=f"purge-lists-{model.__name__}")
        page_unpublished.connect(purge_listing_pages, sender=model, dispatch_uid=f"purge-lists-{model.__name__}-un")
