import pytest
from django.db import connection


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "databases": {"default": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_healthz_answers_503_when_the_database_does_not(client, tmp_path):
    original = connection.settings_dict
    broken = dict(original)
    if connection.vendor == "sqlite":
        broken["NAME"] = str(tmp_path / "missing-folder" / "db.sqlite3")
    else:
        broken["PORT"] = "1"  # nothing listens there
    connection.close()
    connection.settings_dict = broken
    try:
        response = client.get("/healthz")
    finally:
        connection.close()
        connection.settings_dict = original

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "databases": {"default": "unavailable"}}
