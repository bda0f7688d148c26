"""Every list page answers in a bounded number of queries; images are served as renditions."""

import datetime

import pytest
import wagtail_factories
from django.core.management import call_command

from tests.factories import EventPageFactory, PublicationPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def filled(tree):
    section_ky, _ = tree["publications"]
    events_ky, _ = tree["events"]
    for number in range(25):
        page = PublicationPageFactory(
            parent=section_ky,
            locale=section_ky.locale,
            kind=["news", "bulletin"][number % 2],
            issue_number=str(number),
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 3, 31),
        )
        page.tags.add(f"тег {number % 5}")
        page.save()
        EventPageFactory(parent=events_ky, locale=events_ky.locale)
    call_command("update_index", verbosity=0)
    return tree


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/ky/", 25),
        ("/ky/basylmalar/?page=2", 20),
        ("/ky/ish-charalar/", 20),
        ("/ky/aktylar/", 20),
        ("/ky/search/?q=жаңылык", 20),
        ("/ru/feeds/news/rss/", 10),
        ("/ky/feeds/bulletins/atom/", 10),
        ("/sitemap.xml", 15),
        ("/api/v1/publications/?limit=50", 10),
    ],
)
def test_list_pages_make_a_bounded_number_of_queries(client, filled, django_assert_max_num_queries, url, limit):
    client.get(url)  # warm the caches that saving pages clears
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


def test_body_images_are_served_as_renditions(client, tree):
    section_ky, _ = tree["publications"]
    image = wagtail_factories.ImageFactory(title="Имарат")
    PublicationPageFactory(
        parent=section_ky,
        locale=section_ky.locale,
        slug="suroot",
        image=image,
        body=[{"type": "image", "value": {"image": image.pk, "alt_text": "Кызматтын имараты", "caption": "Имарат"}}],
    )

    html = client.get("/ky/basylmalar/suroot/").content.decode()

    assert 'alt="Кызматтын имараты"' in html
    assert 'src="/media/images/' in html and ".width-960." in html  # a rendition
    assert image.file.url not in html  # never the original upload
    assert '<meta property="og:image" content="http://testserver/' in html and ".fill-1200x630" in html
