"""The search cluster, for real: runs only where ELASTICSEARCH_URL or OPENSEARCH_URL names one
(the index settings themselves are tested without a cluster in tests/config/test_settings.py)."""

import os

import pytest
from django.core.management import call_command

from cms.models import HomePage
from search.backends import search_backends

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
OPENSEARCH_URL = os.environ.get("OPENSEARCH_URL", "")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        not (ELASTICSEARCH_URL or OPENSEARCH_URL), reason="needs a cluster: set ELASTICSEARCH_URL or OPENSEARCH_URL"
    ),
]


def test_the_cluster_indexes_pages_and_finds_them_in_both_languages(settings, home_pages):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        elasticsearch_url=ELASTICSEARCH_URL, opensearch_url=OPENSEARCH_URL, index_prefix="kyzmat_test_"
    )
    call_command("update_index", verbosity=0)

    found_ru = HomePage.objects.live().search("добро")
    found_ky = HomePage.objects.live().search("келиңиз")

    assert [page.title for page in found_ru] == ["Главная"]
    assert [page.title for page in found_ky] == ["Башкы бет"]
