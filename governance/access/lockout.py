"""Lock-out after repeated wrong passwords (django-axes): the admin's login and page passwords.

django-axes counts failed logins by user name and address and refuses a locked-out login before
any password is checked (its backend comes first). Page passwords are not logins: the page
password view reports its failures to axes under a user name of its own
(``page-password:<restriction id>``) through :func:`password_failed`, and asks
:func:`is_locked_out` first, so both share one limit, one cool-off and one way to lift a lock
(``python manage.py axes_reset``).
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out reader gets, in his language: the admin's look or the site's."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    base = "wagtailadmin/admin_base.html" if request.path.startswith("/admin/") else "base.html"
    return render(
        request,
        "security/lockout.html",
        {"minutes": minutes, "base_template": base},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def _credentials(scope: str) -> dict:
    return {"username": scope}


def is_locked_out(request, scope: str) -> bool:
    return AxesProxyHandler.is_locked(request, _credentials(scope))


def password_failed(request, scope: str) -> None:
    user_login_failed.send(sender=__name__, credentials=_credentials(scope), request=request)
