"""Tests: a fast password hasher, the database search backend, a file test database."""

from .base import *  # noqa: F403
from .base import BASE_DIR, DATABASES, INSTALLED_APPS

SECRET_KEY = "test-secret-key-not-for-production"  # noqa: S105
RECORD_DIGEST_KEY = "test-record-digest-key-not-for-production"
RECORD_DIGEST_KEYS = []
DEBUG = False
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.database"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: a test can close and reopen the connection (the health check does).
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test.sqlite3")}

DEMO_DATA_ALLOWED = True
# Tests sign users in with force_login; the tests of the second factor turn this on.
KYZMAT_2FA_REQUIRED = False

# A small module that exists only in the tests: the record kit's own tests run on it.
# It registers its permission policy before Wagtail's apps are ready, as the project's apps do.
INSTALLED_APPS = [*INSTALLED_APPS]
INSTALLED_APPS.insert(INSTALLED_APPS.index("documents") + 1, "tests.documents.kitapp")
