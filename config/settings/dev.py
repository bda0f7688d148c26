"""Development: DEBUG on, a secret key kept under var/ so that sessions survive restarts."""

import secrets

from .base import *  # noqa: F403
from .base import BASE_DIR, MIDDLEWARE, env

DEBUG = env.bool("DEBUG", default=True)
if not env.bool("DEBUG_404", default=False):
    # Readers of the demo meet the site's own "page not found", in their language.
    MIDDLEWARE = [*MIDDLEWARE, "config.middleware.ReadersNotFoundMiddleware"]


def _generated_once(name: str) -> str:
    path = BASE_DIR / "var" / name
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
    return path.read_text().strip()


SECRET_KEY = env("SECRET_KEY", default="") or _generated_once("dev-secret-key")
RECORD_DIGEST_KEY = env("RECORD_DIGEST_KEY", default="") or _generated_once("dev-record-digest-key")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])

DEMO_DATA_ALLOWED = True
# Under `make run` an edited template shows at once: no page cache unless asked for.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=0)
# The demo users sign in with their password alone; set KYZMAT_2FA_REQUIRED=1 to try the second factor.
KYZMAT_2FA_REQUIRED = env.bool("KYZMAT_2FA_REQUIRED", default=False)
