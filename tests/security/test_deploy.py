"""Production settings, as an operator starts them: `check --deploy` is clean, demo data refused."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def production_env(tmp_path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DEMO_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 64 + "production-like-secret-key-for-the-check",
        RECORD_DIGEST_KEY="y" * 64 + "production-like-key-of-the-records-digests",
        ALLOWED_HOSTS="kyzmat.example",
        EMAIL_URL="smtp+tls://mailer:secret@mail.example:587",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    return env


def manage(tmp_path, *args, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=production_env(tmp_path) | (extra_env or {}),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = manage(tmp_path, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("args", [(), ("--not-production",)])
def test_load_demo_refuses_to_run_under_production_settings(tmp_path, args):
    result = manage(tmp_path, "load_demo", *args)
    assert result.returncode != 0
    assert "DEMO_DATA_ALLOWED" in result.stderr or "DEMO_PASSWORD" in result.stderr


SERVE_STATIC = """
from django.templatetags.static import static
from django.test import Client
url = static("css/site.css")
response = Client().get(url, secure=True, HTTP_HOST="kyzmat.example", HTTP_ACCEPT_ENCODING="gzip")
print(url, response.status_code, response["Cache-Control"], response.get("Content-Encoding", ""), sep="|")
"""


def test_production_serves_the_static_files_hashed_compressed_and_cached_for_a_year(tmp_path):
    collected = manage(tmp_path, "collectstatic", "--noinput", "-v0")
    assert collected.returncode == 0, collected.stderr

    result = manage(tmp_path, "shell", "-v0", "-c", SERVE_STATIC)

    assert result.returncode == 0, result.stderr
    url, status, cache_control, encoding = result.stdout.strip().split("|")
    assert url.startswith("/static/css/site.") and url.endswith(".css") and url != "/static/css/site.css"
    assert (status, encoding) == ("200", "gzip")
    assert "max-age=315360000" in cache_control and "immutable" in cache_control


SHARE_CACHE = """
from django.conf import settings
from django.core.cache import cache
cache.set("kyzmat-deploy-test-{value}", "{value}", 30)
print(settings.CACHES["default"]["BACKEND"], cache.get("kyzmat-deploy-test-{value}"))
"""


def test_with_redis_url_every_worker_shares_one_redis_cache(tmp_path):
    env_redis = {"REDIS_URL": "redis://127.0.0.1:6379/15"}
    value = uuid.uuid4().hex  # unique to this run, and so is the key: other runs may share the server
    written = manage(tmp_path, "shell", "-v0", "-c", SHARE_CACHE.format(value=value), extra_env=env_redis)
    read_back = f'from django.core.cache import cache; print(cache.get("kyzmat-deploy-test-{value}"))'
    read = manage(tmp_path, "shell", "-v0", "-c", read_back, extra_env=env_redis)

    assert written.stdout.split() == ["django.core.cache.backends.redis.RedisCache", value], written.stderr
    assert read.stdout.strip() == value  # another process, the same cache

    alone = manage(tmp_path, "shell", "-v0", "-c", SHARE_CACHE.format(value=value))
    assert alone.stdout.split()[0] == "django.core.cache.backends.locmem.LocMemCache"
