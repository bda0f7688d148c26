"""Keep the caches fresh: when a page is published, unpublished or moved, or a public order
changes, the pages that show it are purged from the page cache (cms/cache.py) and, when
``FRONTEND_CACHE_URL`` configures one, from the front-end cache (docs/cache.md).

Wagtail's front-end cache app purges a page's own URLs; this adds the lists that show it.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import cache
from cms.enums import FEED_KINDS

FEED_FORMATS = ("rss", "atom")


def _path_of(url_path: str) -> str | None:
    """The address of a page's ``url_path`` under the site's root in its language."""
    for root in Site.get_site_root_paths():
        if url_path.startswith(root.root_path):
            try:
                with translation.override(root.language_code):
                    return reverse("wagtail_serve", args=(url_path[len(root.root_path) :],))
            except NoReverseMatch:
                return None
    return None


def _language_paths(name: str, *args) -> list[str]:
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse(name, args=args))
    return paths


def paths_showing(page: Page) -> set[str]:
    """The page and its translations (their language switchers), its section and home page, the
    pages that list it as related, the feeds of its language and the sitemap."""
    from cms.models import RelatedPublication

    pages = [
        *Page.objects.filter(translation_key=page.translation_key).only("url_path"),
        *page.get_ancestors().filter(depth__gte=2).only("url_path"),
        *Page.objects.filter(
            pk__in=RelatedPublication.objects.filter(target__translation_key=page.translation_key).values("source_id")
        ).only("url_path"),
    ]
    paths = {_path_of(p.url_path) for p in pages} | {_path_of(page.url_path)}
    with translation.override(page.locale.language_code):
        paths |= {reverse("feed", args=[section, kind]) for section in FEED_KINDS for kind in FEED_FORMATS}
    paths.add(reverse("sitemap"))
    return {path for path in paths if path}


def _purge_front_end(paths) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in paths)
    batch.purge()


def purge(paths) -> None:
    paths = set(paths)
    if cache.EVERYTHING in paths:
        cache.purge_everything()
        return
    cache.purge_paths(paths)
    _purge_front_end(paths)


def page_changed(sender, instance, **kwargs):
    if instance.depth <= 3:
        # The home page or a section: every page of the site shows it in its navigation.
        purge([cache.EVERYTHING])
        _purge_front_end(paths_showing(instance))
        return
    purge(paths_showing(instance))


def page_moved(sender, instance, url_path_before, url_path_after, parent_page_before, parent_page_after, **kwargs):
    if url_path_before == url_path_after and parent_page_before.pk == parent_page_after.pk:
        return
    paths = set()
    for page in Page.objects.descendant_of(instance, inclusive=True).only("url_path", "translation_key"):
        paths.add(_path_of(page.url_path))
        paths.add(_path_of(url_path_before + page.url_path[len(url_path_after) :]))
    for parent in (parent_page_before, parent_page_after):
        paths |= {_path_of(p.url_path) for p in parent.get_ancestors(inclusive=True).filter(depth__gte=2)}
    if instance.depth <= 3:
        paths.add(cache.EVERYTHING)
    purge({path for path in paths if path} | paths_showing(instance))


def orders_changed(sender, orders, **kwargs):
    """A public order published, suspended, resumed or cancelled: the registry and each order's page."""
    paths = set(_language_paths("orders:registry"))
    for order in orders:
        if order.year and order.number_display:
            paths |= set(_language_paths("orders:detail", order.year, order.number_display))
    purge(paths)


def restriction_changed(sender, instance, **kwargs):
    """A password or a group put on a page or taken off: the navigation (a section) and the lists
    that show it."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        page_changed(sender, page)


def agency_changed(sender, instance, **kwargs):
    """The agency's names and address are on every page."""
    purge([cache.EVERYTHING])


def connect():
    from governance.agency.models import AgencySettings
    from governance.orders.signals import order_public_changed

    page_published.connect(page_changed, dispatch_uid="cms-purge-published")
    page_unpublished.connect(page_changed, dispatch_uid="cms-purge-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="cms-purge-moved")
    order_public_changed.connect(orders_changed, dispatch_uid="cms-purge-orders")
    post_save.connect(agency_changed, sender=AgencySettings, dispatch_uid="cms-purge-agency")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="cms-purge-restricted")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="cms-purge-unrestricted")
