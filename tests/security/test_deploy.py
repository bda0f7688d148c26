"""Production settings, as an operator starts them: `check --deploy` is clean, demo data refused."""

import os
import subprocess
import sys
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


def manage(tmp_path, *args) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=production_env(tmp_path),
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
