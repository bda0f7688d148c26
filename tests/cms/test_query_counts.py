"""Every public page type renders in a small, fixed number of queries, whatever the length of its
lists: the same count with a few items and with many more (page cache off: this is the work of
rendering)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import RelatedPublication
from tests.conftest import on_postgresql
from tests.factories import EventPageFactory, LegalActPageFactory, PublicationPageFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

# page type → its Kyrgyz address in the tree, and the most queries it may make (the header, navigation
# and footer come from fragments once stored, docs/cache.md)
PAGES = {
    "home": ("/ky/", 15),
    "publication section": ("/ky/basylmalar/?page=2", 15),
    "publication section, filtered": ("/ky/basylmalar/?kind=news&tag=teg-0", 15),
    "publication": ("/ky/basylmalar/byulleten-7/", 15),
    "event section": ("/ky/ish-charalar/?page=2", 15),
    "event": ("/ky/ish-charalar/seminar/", 15),
    "legal-act section": ("/ky/aktylar/", 15),
    "legal act": ("/ky/aktylar/tartip/", 15),
    "plain page": ("/ky/jonundo/", 15),
    "contact page": ("/ky/bailanysh/", 15),
    "feed": ("/ky/feeds/news/rss/", 6),
    "sitemap": ("/sitemap.xml", 16),
    # One search per kind of result (search/sources.py: seven) beside the page's own queries; on
    # PostgreSQL the backend (search/database.py) first counts a kind's matches in the index, which
    # spares the search of a kind without any and costs one query for a kind with some.
    "search": ("/ky/search/?q=жаңылык", 18 if on_postgresql() else 16),
}


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def add(tree, count: int, start: int) -> None:
    """``count`` more of every list item: publications with tags (each related from the bulletin),
    events past and upcoming, legal acts, and plain pages in the navigation."""
    home_ky, _ = tree["home"]
    section_ky, _ = tree["publications"]
    events_ky, _ = tree["events"]
    acts_ky, _ = tree["acts"]
    bulletin_ky, _ = tree["bulletin"]
    for number in range(start, start + count):
        page = PublicationPageFactory(
            parent=section_ky,
            locale=section_ky.locale,
            title=f"Жаңылык {number}",
            date=datetime.date(2000 + number % 20, 1 + number % 12, 1),
            kind=["news", "bulletin"][number % 2],
            issue_number=str(number),
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 3, 31),
        )
        page.tags.add(f"teg {number % 3}")
        page.save()
        RelatedPublication.objects.create(source=bulletin_ky, target=page, sort_order=number)
        days = datetime.timedelta(days=number + 1)
        EventPageFactory(parent=events_ky, locale=events_ky.locale, start=datetime.datetime.now(datetime.UTC) + days)
        EventPageFactory(parent=events_ky, locale=events_ky.locale, start=datetime.datetime.now(datetime.UTC) - days)
        LegalActPageFactory(parent=acts_ky, locale=acts_ky.locale)
        StandardPageFactory(parent=home_ky, locale=home_ky.locale, title=f"Бөлүм {number}")


def test_every_page_type_makes_as_many_queries_with_many_items_as_with_a_few(client, tree):
    from django.core.management import call_command

    add(tree, 12, 0)
    call_command("update_index", verbosity=0)
    for url, _limit in PAGES.values():
        client.get(url)  # warm the caches that saving pages clears
    few = {name: queries_for(client, url) for name, (url, _limit) in PAGES.items()}

    add(tree, 40, 12)
    call_command("update_index", verbosity=0)
    for url, _limit in PAGES.values():
        client.get(url)
    many = {name: queries_for(client, url) for name, (url, _limit) in PAGES.items()}

    assert many == few
    over = {name: count for name, count in many.items() if count > PAGES[name][1]}
    assert not over, over
