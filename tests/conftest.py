import os
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI") == "true"


def on_postgresql() -> bool:
    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def pytest_collection_modifyitems(config, items):
    browser_tests = [item for item in items if "browser" in item.keywords]
    if browser_tests and not CHROMIUM.exists():
        if IN_CI:
            raise pytest.UsageError(f"Browser tests need {CHROMIUM} (Debian's chromium): CI must have it.")
        for item in browser_tests:
            item.add_marker(pytest.mark.skip(reason=f"needs {CHROMIUM}: apt-get install chromium"))
    if not on_postgresql():
        for item in items:
            if "postgresql" in item.keywords:
                item.add_marker(pytest.mark.skip(reason="needs PostgreSQL: runs in the PostgreSQL pass of make test"))


@pytest.fixture(autouse=True)
def _default_language(settings):
    """Each test starts in the default language, whatever the previous one activated."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def roles(db):
    from governance.access.setup import sync_roles

    return sync_roles()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a page cached by one test is never served to the next."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()
    yield


@pytest.fixture
def no_page_cache(settings):
    """The page cache off: for tests that count the queries of rendering a page."""
    settings.PAGE_CACHE_SECONDS = 0
