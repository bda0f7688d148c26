"""Two-factor sign-in to the admin (django-otp: TOTP apps, with one-time backup codes).

After the password (Wagtail's own login, with its lock-out), :class:`TwoFactorMiddleware` stands
before every admin view:

- a user with a confirmed device is asked for a code from it (or a backup code) once per session;
- a user of a role that signs, votes or manages personnel (``RoleSpec.requires_two_factor``) and
  every superuser, without a device, is sent to set one up (a QR code for the phone's
  authenticator app) and reaches nothing else of the admin until it is done — when
  ``KYZMAT_2FA_REQUIRED`` is on (the default; off in the dev settings so that the demo users sign
  in with their password alone, see docs/security.md);
- anyone else may set one up from the same page, and is asked for it from then on.
"""

import base64
from io import BytesIO

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from django_otp import devices_for_user, match_token, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from governance.access.roles import TWO_FACTOR_ROLES

BACKUP_CODES = 10
# Admin views a user reaches before the second factor: signing in and out, and these pages.
OPEN_VIEWS = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "two_factor_setup",
        "two_factor_verify",
    }
)


def is_required(user) -> bool:
    """Whether ``user`` must sign in with a second factor (by role, or as a superuser)."""
    if not getattr(settings, "KYZMAT_2FA_REQUIRED", True) or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(role__code__in=TWO_FACTOR_ROLES).exists()


def _next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


# Outside the admin, the members' portal asks for the second factor too: votes are cast there.
PROTECTED_NAMESPACES = {"members"}


class TwoFactorMiddleware:
    """After django-otp's ``OTPMiddleware``: no admin view, nor one of the members' portal, without
    the second factor it needs."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        match = request.resolver_match
        if user is None or not user.is_authenticated or match is None or match.url_name in OPEN_VIEWS:
            return None
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        protected = request.path.startswith(self.admin_prefix) or match.namespace in PROTECTED_NAMESPACES
        if not protected or user.is_verified():
            return None
        if user_has_device(user, confirmed=True):
            return redirect(f"{reverse('two_factor_verify')}?next={request.get_full_path()}")
        if is_required(user):
            return redirect(f"{reverse('two_factor_setup')}?next={request.get_full_path()}")
        return None


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )

    def clean_otp_token(self):
        return "".join(self.cleaned_data["otp_token"].split())


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@require_http_methods(["GET", "POST"])
def setup(request):
    """Set up an authenticator app: scan the code, type what it shows, keep the backup codes."""
    user = request.user
    if user_has_device(user, confirmed=True) and not user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={_next(request, reverse('two_factor_setup'))}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or TOTPDevice.objects.create(
        user=user, name=str(_("Authenticator app")), confirmed=False
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["otp_token"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            backup = StaticDevice.objects.filter(user=user).first() or StaticDevice.objects.create(
                user=user, name=str(_("Backup codes"))
            )
            backup.token_set.all().delete()
            codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
            StaticToken.objects.bulk_create([StaticToken(device=backup, token=code) for code in codes])
            return TemplateResponse(
                request,
                "security/two_factor_done.html",
                {"codes": codes, "next": _next(request, reverse("wagtailadmin_home"))},
            )
        form.add_error("otp_token", _("This code is not right. Type the six digits the app shows now."))
    secret = base64.b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "security/two_factor_setup.html",
        {
            "form": form,
            "qr_code": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "required": is_required(user),
            "next": _next(request, reverse("wagtailadmin_home")),
        },
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    """The second step of signing in: a code from the app, or one of the backup codes."""
    user = request.user
    target = _next(request, reverse("wagtailadmin_home"))
    if user.is_verified():
        return HttpResponseRedirect(target)
    if not any(devices_for_user(user, confirmed=True)):
        return redirect(f"{reverse('two_factor_setup')}?next={target}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["otp_token"])
        if device is not None:
            otp_login(request, device)
            return HttpResponseRedirect(target)
        form.add_error("otp_token", _("This code is not right, or was used already. Try the code the app shows now."))
    return TemplateResponse(request, "security/two_factor_verify.html", {"form": form, "next": target})
