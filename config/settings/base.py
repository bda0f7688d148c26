"""Settings shared by every environment; each value that differs comes from the environment."""

import datetime
from pathlib import Path

import environ
from django.utils.csp import CSP

from config.mail import mailer_from_url
from search.backends import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
# The keys of registered records' digests (HMAC-SHA256, see docs/registration.md): the current one,
# and older ones that only verify records registered under them. Never stored in the database.
RECORD_DIGEST_KEY = env("RECORD_DIGEST_KEY", default="")
RECORD_DIGEST_KEYS = env.list("RECORD_DIGEST_KEYS", default=[])
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])

INSTALLED_APPS = [
    "config",
    "cms",
    "search",
    "governance.access",
    "governance.agency",
    "governance.structure",
    "governance.staff",
    "governance.orders",
    "governance.bodies",
    "governance.awards",
    "governance.grants",
    "governance.agreements",
    "documents",
    "documents.appeals",
    "documents.archive",
    "documents.correspondence",
    "wagtail.contrib.settings",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    # django-ninja's own copy of Swagger UI, served from our static files instead of a CDN.
    "ninja",
    "taggit",
    "django_filters",
    "guardian",
    "pgtrigger",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Anonymous readers' public pages from the cache, before the session is read (docs/cache.md).
    "cms.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "governance.access.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.csp.WagtailStartUpNonceMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: turns a locked-out login into the lock-out page (docs/security.md).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Databases: a SQLite file under var/ unless DATABASE_URL names another one.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'kyzmat.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction begins, and wait for it, instead of failing
    # with "database is locked" halfway through (two officers signing at once, say).
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's database search backend needs PostgreSQL's full-text search (postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # First: refuses every login of a locked-out user before a password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
# The policy refuses anonymous users itself; guardian needs no anonymous user row.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Kyrgyz, the state language, is the default; Russian, the official language, the second.
LANGUAGE_CODE = "ky"
LANGUAGES = [
    ("ky", "Кыргызча"),
    ("ru", "Русский"),
]
# Where neither Wagtail nor Django has a Kyrgyz string, a Kyrgyz reader sees the Russian one.
LANGUAGE_FALLBACKS = {"ky": "ru"}
# Our own messages first; then the catalogues of Wagtail's admin (Kyrgyz, which Wagtail does not ship,
# and a few Russian rewordings) and the few Django messages we word otherwise (docs/languages.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "wagtail", BASE_DIR / "locale" / "django"]
# Kyrgyz dates as official documents write them ("2026-жылдын 25-ноябры").
FORMAT_MODULE_PATH = ["config.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Bishkek"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_SITE_NAME = "kyzmat"
# Page addresses in Latin letters, transliterated from Kyrgyz and Russian titles (cms/slugs.py):
# a Cyrillic slug reaches readers %-encoded whenever an address is copied.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin carries the agency's brand: no banner or links to Wagtail's own guides (in English, outside the agency).
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_USER_LOGIN_FORM = "config.admin_forms.LoginForm"
# The admin shows no avatars from an outside service: staff e-mail addresses stay in the agency.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = search_backends(
    elasticsearch_url=env("ELASTICSEARCH_URL", default=""),
    opensearch_url=env("OPENSEARCH_URL", default=""),
    index_prefix=env("SEARCH_INDEX_PREFIX", default="kyzmat_"),
)
# The cache: Redis through Django's own backend when REDIS_URL names one (all workers share it),
# else each process's memory.
REDIS_URL = env("REDIS_URL", default="")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "kyzmat"}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
    # The page cache (docs/cache.md): whole public pages for anonymous readers. Every worker must
    # see a purge, so it is Redis when REDIS_URL is set, else files under PAGE_CACHE_DIR.
    "pages": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": "kyzmat-pages"}
        if REDIS_URL
        else {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": env("PAGE_CACHE_DIR", default=str(BASE_DIR / "var" / "page-cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    ),
}
PAGE_CACHE_ALIAS = "pages"
# How long a stored page lives unless a change purges it first; 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=3600)
# Fragments every public page shows (header, navigation, footer), kept in the same cache under the
# site's version; 0 turns them off (docs/cache.md, "Fragments").
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=3600)
# Public pages: how long a browser (max-age) and a shared front-end cache (s-maxage) keep them.
PUBLIC_PAGE_MAX_AGE = env.int("PUBLIC_PAGE_MAX_AGE", default=300)
FRONTEND_CACHE_MAX_AGE = env.int("FRONTEND_CACHE_MAX_AGE", default=3600)
# A front-end cache (Varnish, nginx) that accepts PURGE at this address; Wagtail purges a page's
# URLs when it is published or unpublished.
FRONTEND_CACHE_URL = env("FRONTEND_CACHE_URL", default="")
if FRONTEND_CACHE_URL:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": FRONTEND_CACHE_URL}
    }
# Documents go through Wagtail's view, which checks their collection's privacy; the proxy never
# serves MEDIA_ROOT/documents/ (docs/deploy.md).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

MAILERS = {"default": mailer_from_url(env("EMAIL_URL", default="consolemail://"))}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="kyzmat@localhost")

LOGIN_URL = "wagtailadmin_login"

# Content-Security-Policy on every response, the public site and the admin alike (docs/security.md).
# Scripts: our own files, and inline ones only with the request's nonce; never 'unsafe-inline'.
# Styles: Wagtail's admin sets style attributes from its JavaScript and in its templates (widths,
# colours of the user bar, the rich-text editor's toolbar), which CSP can allow only with
# 'unsafe-inline' for styles; a style cannot run code, so scripts stay strict.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "media-src": [CSP.SELF],
    # Embedded videos in pages come from these providers (CSP_FRAME_SOURCES to change them).
    "frame-src": [
        CSP.SELF,
        *env.list(
            "CSP_FRAME_SOURCES",
            default=["https://www.youtube.com", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        ),
    ],
    "frame-ancestors": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}

# Login protection (django-axes): after LOGIN_FAILURE_LIMIT wrong passwords for one user name from
# one address, that user name is locked out from there for LOGIN_LOCKOUT_MINUTES, even with the
# right password; the same holds for the password of a protected page (cms.views).
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_CALLABLE = "governance.access.lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
AXES_RESET_ON_SUCCESS = True
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]
# Behind a proxy the client's address is the last one it adds to X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Sessions end after SESSION_COOKIE_AGE seconds (a working day by default) and with the browser.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Two-factor sign-in to the admin (governance/access/two_factor.py): required for the roles that
# sign, vote or manage personnel and for superusers when on; anyone may set it up.
KYZMAT_2FA_REQUIRED = env.bool("KYZMAT_2FA_REQUIRED", default=True)
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="kyzmat")

# Citizens' appeals (docs/appeals.md): the flood limit per network address, and how long the form
# must have been open before it is sent (a machine fills it at once).
APPEALS_PER_ADDRESS_PER_HOUR = env.int("APPEALS_PER_ADDRESS_PER_HOUR", default=3)
APPEAL_FORM_MIN_SECONDS = 3

# `load_demo` creates users with a published password: only where the settings allow it (dev, tests).
DEMO_DATA_ALLOWED = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
