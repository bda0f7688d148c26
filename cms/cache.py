"""The page cache: whole public pages kept for anonymous readers and purged, path by path, when
what they show changes (docs/cache.md).

A response is stored only when it declared itself public (``Cache-Control: public``, which public
pages and views set for anonymous readers only), answers a GET with 200, sets no cookie, used no
CSRF token, no CSP nonce and no message. It is served only to a request that carries neither a
session nor a message cookie, so a signed-in user never meets a stored page.

Keys hold the absolute address with its query string (scheme, host, language prefix, filters) and
two versions: one of the path and one of the whole site. Purging a path gives it a new version, so
every stored variant of it (each page of a list, each filter) is left behind at once; purging
everything does the same with the site's version.
"""

from collections.abc import Iterable
from hashlib import md5
from uuid import uuid4

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.utils.http import split_header_value

HEADER = "X-Page-Cache"
EVERYTHING = "*"
SKIPPED_PREFIXES = ("/admin/", "/api/", "/documents/", "/static/", "/media/", "/healthz")


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def fragments_enabled() -> bool:
    return settings.FRAGMENT_CACHE_SECONDS > 0


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _version_key(path: str) -> str:
    return "pagecache:v:" + md5(path.encode(), usedforsecurity=False).hexdigest()


def _versions(cache, path: str) -> tuple[str, str]:
    keys = [_version_key(EVERYTHING), _version_key(path)]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # A version that was never set (or was evicted) is a new random one, never a constant:
            # a page stored under an older version can never match again.
            cache.add(key, uuid4().hex, timeout=None)
            found[key] = cache.get(key)
    return found[keys[0]], found[keys[1]]


def site_version() -> str:
    """The site's version: the fragments every page shows (header, navigation, footer) are stored
    under it, so purging everything leaves them behind too (docs/cache.md, "Fragments")."""
    cache = _cache()
    key = _version_key(EVERYTHING)
    version = cache.get(key)
    if version is None:
        cache.add(key, uuid4().hex, timeout=None)
        version = cache.get(key)
    return version


def page_key(request) -> str:
    cache = _cache()
    site_version, path_version = _versions(cache, request.path)
    address = request.build_absolute_uri()
    digest = md5(f"{site_version}:{path_version}:{address}".encode(), usedforsecurity=False).hexdigest()
    return f"pagecache:page:{digest}"


def may_serve(request) -> bool:
    """Whether the request is an anonymous reader's, to be answered from the cache if it can."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(SKIPPED_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in cookies
        and "messages" not in cookies
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _cache_control(response) -> set[str]:
    return {part.split("=")[0].strip().lower() for part in split_header_value(response.get("Cache-Control", ""))}


def may_store(request, response) -> bool:
    """Whether the response is the same for every anonymous reader of this address."""
    user = getattr(request, "user", None)
    messages = getattr(request, "_messages", None)
    directives = _cache_control(response)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not response.streaming
        and "public" in directives
        and not directives & {"private", "no-cache", "no-store"}
        and not response.cookies
        and "*" not in response.get("Vary", "")
        and not (user is not None and user.is_authenticated)
        and not getattr(request, "is_preview", False)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not getattr(request, "_csp_nonce", None)
        and not (messages is not None and (messages.used or messages._queued_messages))
        and b"csrfmiddlewaretoken" not in response.content
    )


class PageCacheMiddleware:
    """Serves anonymous readers from the page cache and stores what may be shared.

    Placed near the top of ``MIDDLEWARE`` (after the security and static-file middleware): a hit
    skips the session, the language, CSRF and authentication, and a stored page carries every
    header the middleware below it added.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not enabled() or not may_serve(request):
            return self.get_response(request)
        key = page_key(request)
        cached = _cache().get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if may_store(request, response):
            response[HEADER] = "miss"
            _cache().set(key, response, settings.PAGE_CACHE_SECONDS)
        else:
            response[HEADER] = "skip"
        return response


def _bump(paths: Iterable[str]) -> None:
    _cache().set_many({_version_key(path): uuid4().hex for path in paths}, timeout=None)


def purge_paths(paths: Iterable[str]) -> None:
    """Drop every stored variant of these paths (``/ky/basylmalar/``: each page and filter of it).

    Done at once and again when the transaction commits: a reader who asks in between, while the
    change is not yet visible to other connections, cannot leave the old version in the cache.
    """
    paths = sorted(set(paths))
    if not paths or not (enabled() or fragments_enabled()):
        return
    _bump(paths)
    transaction.on_commit(lambda: _bump(paths))


def purge_everything() -> None:
    """Drop every stored page and fragment (the agency's name, the navigation: what every page
    shows)."""
    purge_paths([EVERYTHING])
