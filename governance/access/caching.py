"""Which answers a shared cache may keep: those that every anonymous reader gets alike.

``public_for_anonymous`` marks a view's answer to an anonymous GET ``Cache-Control: public`` with
the public pages' lifetimes; the page cache (cms/cache.py) and a front-end cache keep only answers
marked so. Signed-in users' answers are never marked.
"""

from functools import wraps

from django.conf import settings
from django.utils.cache import patch_cache_control


def mark_public(request, response) -> None:
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not request.user.is_authenticated:
        patch_cache_control(
            response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE, s_maxage=settings.FRONTEND_CACHE_MAX_AGE
        )


def public_for_anonymous(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        mark_public(request, response)
        return response

    return wrapped
