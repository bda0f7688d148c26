"""Keyed digests of registered records: HMAC-SHA256 with a key from the environment.

A digest stored in the same row as the text could be recomputed by whoever can write the row;
keyed with ``settings.RECORD_DIGEST_KEY``, which is never in the database, it cannot. Each digest
is stored with the id of its key (a short HMAC of a fixed word, not the key), so the key can be
rotated: the new key signs, the old ones listed in ``settings.RECORD_DIGEST_KEYS`` still verify.
"""

import hashlib
import hmac
import json

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def canonical_json(content: dict) -> bytes:
    """Canonical JSON: keys sorted, no spaces, UTF-8; the same content always gives the same bytes."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def sha256(data: bytes) -> str:
    """A plain SHA-256, for a file's own fingerprint inside content that is itself keyed."""
    return hashlib.sha256(data).hexdigest()


def _key_id(key: bytes) -> str:
    return hmac.new(key, b"kyzmat record digest key id", hashlib.sha256).hexdigest()[:12]


def _current_key() -> bytes:
    if not settings.RECORD_DIGEST_KEY:
        raise ImproperlyConfigured("RECORD_DIGEST_KEY is not set: registered records cannot be digested.")
    return settings.RECORD_DIGEST_KEY.encode()


def _keys() -> dict[str, bytes]:
    keys = [key.encode() for key in settings.RECORD_DIGEST_KEYS if key]
    if settings.RECORD_DIGEST_KEY:
        keys.append(settings.RECORD_DIGEST_KEY.encode())
    return {_key_id(key): key for key in keys}


def current_key_id() -> str:
    return _key_id(_current_key())


def keyed(data: bytes, key_id: str | None = None) -> str:
    """The HMAC-SHA256 of ``data`` under the key ``key_id`` (the current key when not given)."""
    key = _current_key() if key_id is None else _keys().get(key_id)
    if key is None:
        return ""
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def matches(data: bytes, digest: str, key_id: str) -> bool:
    """Whether ``digest`` is the HMAC of ``data`` under the key ``key_id``; an unknown key never matches."""
    expected = keyed(data, key_id)
    return bool(expected) and hmac.compare_digest(expected, digest)
