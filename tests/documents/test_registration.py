"""The registration kit's own parts: keyed digests and files removed when a transaction fails."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage

from documents import digests, stored_files
from governance.orders.models import REGISTRATION, Order

pytestmark = pytest.mark.django_db


def test_a_digest_needs_the_key_and_matches_only_under_it(settings):
    data = digests.canonical_json({"b": 1, "a": "Буйрук"})
    assert data == '{"a":"Буйрук","b":1}'.encode()
    digest, key_id = digests.keyed(data), digests.current_key_id()

    assert digests.matches(data, digest, key_id)
    assert not digests.matches(data + b" ", digest, key_id)
    assert not digests.matches(data, digest, "unknown-key")
    settings.RECORD_DIGEST_KEY, settings.RECORD_DIGEST_KEYS = "another key", []
    assert not digests.matches(data, digest, key_id)
    settings.RECORD_DIGEST_KEY = ""
    with pytest.raises(ImproperlyConfigured):
        digests.keyed(data)


def _stored(folder):
    return default_storage.listdir(f"orders/{folder}")[1] if default_storage.exists(f"orders/{folder}") else []


def _store_then(folder, *, fail: bool, nested_failure: bool = False):
    record = Order(year=folder)
    with stored_files.removed_on_rollback():
        stored_files.store(record.document, "a.docx", b"rendered")
        if fail:
            raise RuntimeError("the registration failed after storing its file")
    if nested_failure:
        raise RuntimeError("the enclosing registration failed")


def test_a_file_stored_in_a_failed_transaction_is_removed():
    with pytest.raises(RuntimeError):
        _store_then("kit-failed", fail=True)
    assert _stored("kit-failed") == []

    _store_then("kit-committed", fail=False)
    assert len(_stored("kit-committed")) == 1


def test_a_file_stored_in_a_nested_transaction_goes_with_the_enclosing_one():
    with pytest.raises(RuntimeError), stored_files.removed_on_rollback():
        _store_then("kit-nested", fail=False, nested_failure=True)

    assert _stored("kit-nested") == []


def test_the_transitions_table_gives_the_database_its_status_pairs():
    pairs = REGISTRATION.transition_pairs()

    assert ("approved", "signed") in pairs and ("signed", "published") in pairs
    assert ("signed", "draft") not in pairs and ("cancelled", "signed") not in pairs
    assert all(a != b for a, b in pairs)
