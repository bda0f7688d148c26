"""The floor of the public-site benchmark: one bare Django template view under the production
settings and middleware, served by the same gunicorn (``bench/public_site.py`` starts it with
``DJANGO_SETTINGS_MODULE=bench.floor``; this module is both the settings and the URLconf)."""

from functools import cache

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.floor"

SOURCE = """<!DOCTYPE html><html lang="ky"><head><meta charset="utf-8"><title>{{ title }}</title></head>
<body><h1>{{ title }}</h1>{% for item in items %}<p>{{ item }}</p>{% endfor %}</body></html>"""


@cache
def _template():
    return engines["django"].from_string(SOURCE)


def floor(request):
    return HttpResponse(_template().render({"title": "Floor", "items": range(10)}, request))


urlpatterns = [path("", floor)]
