"""Wagtail's own inline start-up scripts under a strict Content-Security-Policy.

The policy allows scripts from our origin and inline scripts that carry the request's nonce,
never ``'unsafe-inline'``. Wagtail's admin still writes a few inline scripts that start its
widgets — ``new SnippetChooser("id_series", {...});``, ``initDateChooser("id_date", {...});``,
``new InlinePanel(JSON.parse("..."))`` — from widgets and panels that render without the request,
so they cannot print the nonce themselves.

This middleware gives the nonce to exactly those scripts and to nothing else: an inline script
receives it only if its whole text is one call of a constructor or function named in
``ALLOWED_CALLS`` whose arguments are pure JSON data. Any other inline script — one that an
attacker managed to slip into a page above all — stays without a nonce and the browser refuses it.
"""

import json
import re

from django.middleware.csp import get_nonce

ALLOWED_CALLS = frozenset(
    {
        # wagtail/admin/widgets/chooser.py and the choosers built on it
        "new DocumentChooser",
        "new ImageChooser",
        "new PageChooser",
        "new SnippetChooser",
        "new TaskChooser",
        "new Chooser",
        # wagtail/admin/templates/wagtailadmin/widgets/{date,time,datetime}_input.html
        "initDateChooser",
        "initTimeChooser",
        "initDateTimeChooser",
    }
)

_SCRIPT = re.compile(rb"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_CALL = re.compile(r"\s*(?P<callee>(?:new\s+)?[A-Za-z]+)\((?P<args>.*)\);?\s*", re.DOTALL)
# wagtailadmin/panels/inline_panel.html and multiple_chooser_panel.html
_PANEL = re.compile(
    r"\s*\(function\(\)\s*\{\s*"
    r"var panel = new (?:InlinePanel|MultipleChooserPanel)\(JSON\.parse\((?P<args>\"[^\"]*\")\)\);"
    r"\s*\}\)\(\);\s*",
    re.DOTALL,
)


def _is_data(args: str) -> bool:
    try:
        json.loads(f"[{args}]")
    except ValueError:
        return False
    return True


def is_known_start_up(script: str) -> bool:
    """Whether ``script`` is one of Wagtail's start-up calls with nothing but JSON arguments."""
    if match := _PANEL.fullmatch(script):
        return _is_data(match["args"])
    match = _CALL.fullmatch(script)
    if not match:
        return False
    callee = " ".join(match["callee"].split())
    return callee in ALLOWED_CALLS and _is_data(match["args"])


class WagtailStartUpNonceMiddleware:
    """Sits inside Django's ``ContentSecurityPolicyMiddleware``; adds the nonce to known scripts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        nonce = get_nonce(request)
        if (
            nonce is None
            or response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or b"<script" not in response.content
        ):
            return response

        def give_nonce(match):
            attrs = match["attrs"]
            if b"src=" in attrs or b"nonce=" in attrs or b"type=" in attrs:
                return match[0]
            try:
                body = match["body"].decode()
            except UnicodeDecodeError:
                return match[0]
            if not is_known_start_up(body):
                return match[0]
            # The nonce is made only here, for a script that gets it: a page without one stays
            # without a nonce, and may be kept by the page cache (docs/cache.md).
            attribute = f' nonce="{nonce}"'.encode()
            return b"<script" + attrs + attribute + b">" + match["body"] + b"</script>"

        response.content = _SCRIPT.sub(give_nonce, response.content)
        return response
