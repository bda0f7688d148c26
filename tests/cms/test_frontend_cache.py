"""With a front-end cache configured, publishing purges the page and the lists that show it."""

import pytest
from wagtail.contrib.frontend_cache.backends import BaseBackend

pytestmark = pytest.mark.django_db

PURGED: list[str] = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


def test_publishing_a_publication_purges_its_section_and_home(tree, settings, site):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.cms.test_frontend_cache.RecordingBackend"}}
    PURGED.clear()
    bulletin_ky, _ = tree["bulletin"]

    bulletin_ky.save_revision().publish()

    assert f"{site.root_url}/ky/" in PURGED
    assert f"{site.root_url}/ky/basylmalar/" in PURGED


def test_without_a_front_end_cache_nothing_is_purged(tree, settings):
    PURGED.clear()
    bulletin_ky, _ = tree["bulletin"]

    bulletin_ky.save_revision().publish()

    assert PURGED == []
