import os
import subprocess
import sys
from pathlib import Path

import pytest

from search.backends import search_backends

ROOT = Path(__file__).resolve().parents[2]


def test_database_search_backend_by_default():
    assert search_backends() == {"default": {"BACKEND": "search.database"}}


def test_elasticsearch_url_switches_the_backend_and_keeps_credentials_out_of_the_url():
    backend = search_backends(elasticsearch_url="https://kyzmat:s3cret@search.example:9200/")["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch9"
    assert backend["URLS"] == ["https://search.example:9200/"]
    assert backend["OPTIONS"] == {"http_auth": ("kyzmat", "s3cret")}
    assert backend["INDEX_PREFIX"] == "kyzmat_"
    assert backend["INDEX_SETTINGS"]["settings"]["analysis"]["analyzer"]["default"]["filter"] == [
        "lowercase",
        "asciifolding",
    ]


def test_opensearch_url_switches_to_opensearch():
    backend = search_backends(opensearch_url="http://127.0.0.1:9200")["default"]

    assert backend["BACKEND"] == "wagtail.search.backends.opensearch3"
    assert backend["OPTIONS"] == {}


def test_both_cluster_urls_at_once_is_refused():
    with pytest.raises(ValueError, match="not both"):
        search_backends(elasticsearch_url="http://a:9200", opensearch_url="http://b:9200")


def _manage(*args, **environment):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "RECORD_DIGEST_KEY",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env.update(environment)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )


def test_production_check_deploy_is_clean_with_the_documented_variables():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="kyzmat.example",
        EMAIL_URL="smtp+tls://kyzmat:secret@mail.kyzmat.example:587",
        RECORD_DIGEST_KEY="a-production-record-digest-key-from-the-secret-store",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", DJANGO_SETTINGS_MODULE="config.settings.production", ALLOWED_HOSTS="kyzmat.example")

    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_a_record_digest_key():
    result = _manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
        ALLOWED_HOSTS="kyzmat.example",
        EMAIL_URL="smtp+tls://kyzmat:secret@mail.kyzmat.example:587",
    )

    assert result.returncode != 0
    assert "RECORD_DIGEST_KEY" in result.stderr
