"""The Content-Security-Policy: on every page, strict for scripts; Wagtail's start-up calls get
the nonce, nothing else does."""

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from config.csp import WagtailStartUpNonceMiddleware, is_known_start_up

pytestmark = pytest.mark.django_db


def script_src(response) -> str:
    return response["Content-Security-Policy"].split("script-src")[1].split(";")[0]


def test_every_answer_carries_a_policy_without_unsafe_scripts(client, tree, admin_user):
    for url in ("/ky/", "/ru/orders/", "/ky/search/?q=a", "/api/v1/orders/", "/admin/login/"):
        response = client.get(url, follow=True)
        assert "'self'" in script_src(response) and "unsafe" not in script_src(response), url
        assert "object-src 'none'" in response["Content-Security-Policy"]
    client.force_login(admin_user)
    assert "unsafe" not in script_src(client.get("/admin/"))


@pytest.mark.parametrize(
    "script",
    [
        'new SnippetChooser("id_series", {"modalUrl": "/admin/snippets/choose/orders/series/"});',
        'initDateChooser("id_date", {"dayOfWeekStart": 1, "format": "Y-m-d"});',
        '\n  (function() {\n    var panel = new InlinePanel(JSON.parse("{\\u0022type\\u0022: 1}"));\n  })();\n',
    ],
)
def test_wagtails_start_up_calls_are_known(script):
    assert is_known_start_up(script)


@pytest.mark.parametrize(
    "script",
    [
        "alert(1)",
        'new SnippetChooser("id", {"a": 1}); alert(1);',
        'new SnippetChooser("id", {"a": alert(1)});',
        'new SnippetChooser("id" + alert(1), {});',
        'new Function("alert(1)");',
        'initDateChooser("x", {}); fetch("//evil")',
        '(function() { var panel = new InlinePanel(JSON.parse("{}")); alert(1); })();',
        'eval("alert(1)");',
    ],
)
def test_anything_else_is_not(script):
    assert not is_known_start_up(script)


def test_the_middleware_gives_the_nonce_to_known_calls_only():
    request = RequestFactory().get("/admin/")
    from django.utils.csp import LazyNonce

    request._csp_nonce = LazyNonce()
    html = (
        '<script>initDateChooser("id_date", {"format": "Y-m-d"});</script>'
        "<script>alert(document.cookie)</script>"
        '<script src="/static/x.js"></script>'
    )
    response = WagtailStartUpNonceMiddleware(lambda r: HttpResponse(html))(request)
    content = response.content.decode()
    assert f'<script nonce="{request._csp_nonce}">initDateChooser' in content
    assert "<script>alert(document.cookie)</script>" in content
    assert '<script src="/static/x.js"></script>' in content
