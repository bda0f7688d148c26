"""The audit chain: the log of signing, registration, publishing and voting, append-only and
hash-chained, so that a database administrator cannot rewrite it unnoticed.

Services write Wagtail's log as usual (``wagtail.log_actions.log``). Each log entry of an action
registered here with :func:`chain_actions` is copied, in the same transaction, into an
:class:`~documents.models.AuditEntry` that carries the digest of the entry before it::

    digest(n) = HMAC-SHA256(key, canonical(entry n) + digest(n - 1))

with ``settings.RECORD_DIGEST_KEY`` as the key when it is set, else plain SHA-256. Entries take
gap-free sequence numbers from the numbering service (one counter row, locked until the
transaction ends), so concurrent signings queue and never fork the chain. The model refuses to
change or delete an entry and, on PostgreSQL, so does a trigger.

:func:`verify_chain` (``python manage.py verify_audit_chain``) recomputes every link and compares
it with Wagtail's log entry it copies; it names the first broken one.
"""

import hashlib
import hmac
import json
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save
from wagtail.models import ModelLogEntry, PageLogEntry

from documents import numbering
from documents.models import AuditEntry
from governance.access.models import PolicyLogEntry

# Wagtail's log tables: pages, models, and our records, whose entries are read through the policy.
LOG_MODELS = (ModelLogEntry, PageLogEntry, PolicyLogEntry)

SERIES = "audit:chain"
SEQUENCE_YEAR = 0  # one sequence for all time, not one per year
GENESIS = "0" * 64

_chained: set[str] = set()


def chain_actions(*actions: str) -> None:
    """Put every future log entry of ``actions`` into the chain. Each module registers its own
    (orders: signing, publishing, suspension…; later: registration, voting) when it is ready."""
    _chained.update(actions)


def chained_actions() -> frozenset[str]:
    return frozenset(_chained)


def _key() -> bytes | None:
    key = getattr(settings, "RECORD_DIGEST_KEY", None)
    return key.encode() if isinstance(key, str) and key else key or None


def _canonical(entry: AuditEntry) -> bytes:
    fields = {
        "sequence": entry.sequence,
        "log_entry": entry.log_entry_id,
        "action": entry.action,
        "content_type": entry.content_type,
        "object_id": entry.object_id,
        "label": entry.label,
        "user": entry.user_id,
        "timestamp": entry.timestamp.isoformat(),
        "data": entry.data,
    }
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def compute_digest(entry: AuditEntry) -> str:
    message = _canonical(entry) + entry.previous_digest.encode()
    key = _key()
    if key:
        return hmac.new(key, message, hashlib.sha256).hexdigest()
    return hashlib.sha256(message).hexdigest()


def _copy(log_entry) -> dict:
    return {
        "log_entry_id": log_entry.pk,
        "action": log_entry.action,
        "content_type": f"{log_entry.content_type.app_label}.{log_entry.content_type.model}",
        "object_id": str(log_entry.object_id),
        "label": log_entry.label,
        "user_id": log_entry.user_id,
        "timestamp": log_entry.timestamp,
        "data": log_entry.data or {},
    }


@transaction.atomic
def record(log_entry) -> AuditEntry:
    """Append ``log_entry`` to the chain, inside the transaction that wrote it."""
    sequence = numbering.next_number(SERIES, SEQUENCE_YEAR)  # locks the chain's head until commit
    previous = AuditEntry.objects.filter(sequence=sequence - 1).values_list("digest", flat=True).first()
    entry = AuditEntry(sequence=sequence, previous_digest=previous or GENESIS, **_copy(log_entry))
    entry.digest = compute_digest(entry)
    entry.save()
    return entry


@dataclass(frozen=True)
class Break:
    sequence: int
    reason: str

    def __str__(self):
        return f"entry #{self.sequence}: {self.reason}"


def verify_chain(*, batch: int = 2000) -> tuple[int, Break | None]:
    """Check every link in order; return how many were checked and the first broken one, if any."""
    expected_previous, expected_sequence, checked = GENESIS, 1, 0
    entries = AuditEntry.objects.order_by("sequence")
    for entry in entries.iterator(chunk_size=batch):
        if entry.sequence != expected_sequence:
            return checked, Break(expected_sequence, f"missing (the next entry is #{entry.sequence})")
        if entry.previous_digest != expected_previous:
            return checked, Break(entry.sequence, "does not point to the digest of the entry before it")
        if not hmac.compare_digest(entry.digest, compute_digest(entry)):
            return checked, Break(entry.sequence, "its content does not match its digest (changed)")
        original = _original(entry)
        if original is None:
            return checked, Break(entry.sequence, f"Wagtail's log entry {entry.log_entry_id} is gone")
        if _copy(original) != {field: getattr(entry, field) for field in _copy(original)}:
            return checked, Break(entry.sequence, f"Wagtail's log entry {entry.log_entry_id} was changed")
        expected_previous, expected_sequence, checked = entry.digest, entry.sequence + 1, checked + 1
    last = numbering_last()
    if last is not None and last >= expected_sequence:
        return checked, Break(expected_sequence, "missing (removed from the end of the chain)")
    return checked, None


def numbering_last() -> int | None:
    from documents.models import Counter

    return Counter.objects.filter(series=SERIES, year=SEQUENCE_YEAR).values_list("last_number", flat=True).first()


def _original(entry: AuditEntry):
    for model in LOG_MODELS:
        found = model.objects.filter(pk=entry.log_entry_id, action=entry.action).select_related("content_type").first()
        if found is not None and _copy(found)["object_id"] == entry.object_id:
            return found
    return None


def _on_log_entry(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.action in _chained:
        record(instance)


def connect() -> None:
    """Feed the chain from Wagtail's log (called once, when the documents app is ready)."""
    for model in LOG_MODELS:
        post_save.connect(_on_log_entry, sender=model, dispatch_uid=f"documents.audit.{model.__name__}")
