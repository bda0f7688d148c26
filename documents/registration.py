"""Registration and freezing: what every registered kind of record shares (docs/registration.md).

A kind declares once, beside its model, a ``Registration``: its registered statuses, its frozen
fields, the fields that change afterwards only through its services (status, publication), its
transitions table, its child rows frozen with it, its canonical content and its renderer. From
that one declaration come

- the model's guard (``RegisteredModel``, ``FrozenChild``): ``save()`` and ``delete()`` refuse to
  change or remove a registered row or a frozen child row, whatever was loaded (``.only()``, a stale
  copy): the stored row is read back and compared;
- on PostgreSQL, the triggers (``triggers()``, ``child_triggers()``, made with django-pgtrigger):
  ``QuerySet.update()``, ``bulk_update``, raw SQL and deletes are refused by the database itself;
- ``register()``: keyed digests of the canonical content and of the rendered file, the file stored
  under an unguessable name (removed again if the transaction rolls back), with the number taken
  as late as the design allows;
- ``save_lifecycle()``: the one narrow way for a service to change the status or publication of a
  registered row, sealed with a keyed digest so that a change made behind it shows in ``verify()``.
"""

import datetime
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar

import pgtrigger
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from documents import digests, stored_files
from documents.triggers import frozen_child_triggers, registered_triggers


class FrozenRecordError(ValidationError):
    """A registered record, or a child row of one, was about to change or go."""

    message = _("A registered record cannot be changed: register a new record that amends it.")

    def __init__(self):
        super().__init__(self.message, code="frozen")


_service_writes = threading.local()


def _allowed() -> set:
    if not hasattr(_service_writes, "rows"):
        _service_writes.rows = set()
    return _service_writes.rows


def _plain(value: Any) -> Any:
    """A value as canonical JSON holds it."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@dataclass(frozen=True)
class ChildFile:
    """Files held by child rows (an order's annexes): each one's SHA-256 is recorded at registration."""

    relation: str
    file: str = "file"
    digest: str = "sha256"


@dataclass(frozen=True)
class Registration:
    """What a registered kind declares, once."""

    statuses: frozenset[str]
    frozen: tuple[str, ...]
    transitions: Mapping[str, tuple[Iterable[str], Iterable[str]]]
    canonical: str  # dotted path of ``f(record) -> dict``: everything that was registered
    renderer: str  # dotted path of ``f(record) -> build``: reads now; ``build(record) -> bytes`` later
    lifecycle: tuple[str, ...] = ("status",)
    status_field: str = "status"
    prefetch: tuple[str, ...] = ()
    files: tuple[ChildFile, ...] = ()
    file_field: str = "document"
    content_digest: str = "content_sha256"
    file_digest: str = "file_sha256"
    key_field: str = "digest_key"
    seal_field: str = "state_seal"
    error: type[FrozenRecordError] = field(default=FrozenRecordError)

    # The declaration's own code (``canonical``, ``renderer``) imports the model: resolved late.

    @cached_property
    def canonical_content(self) -> Callable[[models.Model], dict]:
        return import_string(self.canonical)

    @cached_property
    def render(self) -> Callable[[models.Model], Callable[[models.Model], bytes]]:
        return import_string(self.renderer)

    def sorted_statuses(self) -> list[str]:
        return sorted(str(status) for status in self.statuses)

    def transition_pairs(self) -> list[tuple[str, str]]:
        """Every (from, to) pair of statuses that the transitions table allows."""
        return sorted(
            {(str(a), str(b)) for starts, ends in self.transitions.values() for a in starts for b in ends if a != b}
        )

    # The database (PostgreSQL): triggers made from this declaration.

    def triggers(self) -> list[pgtrigger.Trigger]:
        return registered_triggers(self)

    def child_triggers(self, parent: str) -> list[pgtrigger.Trigger]:
        """Triggers of a child model whose foreign key ``parent`` names the registered row."""
        return frozen_child_triggers(self, parent)

    def lifecycle_trigger_uri(self, model: type[models.Model]) -> str:
        return f"{model._meta.label}:lifecycle"

    # The model: the guard behind save() and delete().

    def is_registered(self, record: models.Model) -> bool:
        return getattr(record, self.status_field) in self.statuses

    def check_save(self, record: models.Model, update_fields: Iterable[str] | None) -> None:
        model = type(record)
        watched = [model._meta.get_field(name) for name in (*self.frozen, *self.lifecycle, self.status_field)]
        stored = model._base_manager.filter(pk=record.pk).values(*{f.attname for f in watched}).first()
        if stored is None or stored[model._meta.get_field(self.status_field).attname] not in self.statuses:
            return
        saved = None if update_fields is None else set(update_fields)
        changed = {
            f.name
            for f in watched
            if f.attname in record.__dict__  # a deferred field is not saved
            and (saved is None or f.name in saved or f.attname in saved)
            and f.get_prep_value(getattr(record, f.attname)) != f.get_prep_value(stored[f.attname])
        }
        if changed & set(self.frozen):
            raise self.error()
        if changed and (model._meta.label, record.pk) not in _allowed():
            raise self.error()

    def check_delete(self, record: models.Model) -> None:
        model = type(record)
        if model._base_manager.filter(pk=record.pk, **{f"{self.status_field}__in": self.statuses}).exists():
            raise self.error()


class RegisteredModel(models.Model):
    """A model whose rows, once registered, keep their frozen fields and are never deleted."""

    registration: ClassVar[Registration]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            self.registration.check_save(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.registration.check_delete(self)
        return super().delete(*args, **kwargs)

    @property
    def is_registered(self) -> bool:
        return self.registration.is_registered(self)


class FrozenChild(models.Model):
    """A child row of a registered record (``frozen_with`` names its foreign key): frozen with it."""

    frozen_with: ClassVar[str]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self._refuse_if_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._refuse_if_frozen()
        return super().delete(*args, **kwargs)

    def _refuse_if_frozen(self):
        parent = self._meta.get_field(self.frozen_with)
        parent_id = getattr(self, parent.attname)
        registration = parent.related_model.registration
        if (
            parent_id is not None
            and parent.related_model._base_manager.filter(
                pk=parent_id, **{f"{registration.status_field}__in": registration.statuses}
            ).exists()
        ):
            raise registration.error()


# Services: registration, the lifecycle after it, verification.

atomic_with_files = stored_files.atomic_with_files


def _state(record: models.Model, registration: Registration) -> bytes:
    state = {name: _plain(getattr(record, name)) for name in registration.lifecycle}
    return digests.canonical_json({"record": record._meta.label, "pk": record.pk, **state})


def _seal(record: models.Model, registration: Registration, key_id: str) -> str:
    return digests.keyed(_state(record, registration), key_id)


def file_sha256(field_file) -> str:
    with field_file.open("rb") as stored:
        return digests.sha256(stored.read())


def register(record: RegisteredModel, *, take_number: Callable[[RegisteredModel], None], file_name: str) -> None:
    """Register ``record``, already validated and given its registered status, in the caller's
    transaction (a service wrapped in ``atomic_with_files``): record the child files' digests, read
    what the document shows, then take the number (which locks the counter until the commit), build
    the canonical content and the file, key both digests, store the file and save the row.
    """
    registration = record.registration
    for child_file in registration.files:
        for child in getattr(record, child_file.relation).all():
            setattr(child, child_file.digest, file_sha256(getattr(child, child_file.file)))
            child.save(update_fields=[child_file.digest])
    prefetch_related_objects([record], *registration.prefetch)
    build = registration.render(record)

    take_number(record)  # the counter stays locked from here to the commit: nothing slow below

    key_id = digests.current_key_id()
    rendered = build(record)
    setattr(record, registration.key_field, key_id)
    setattr(
        record,
        registration.content_digest,
        digests.keyed(digests.canonical_json(registration.canonical_content(record)), key_id),
    )
    setattr(record, registration.file_digest, digests.keyed(rendered, key_id))
    setattr(record, registration.seal_field, _seal(record, registration, key_id))
    stored_files.store(getattr(record, registration.file_field), file_name, rendered)
    record.save()


def save_lifecycle(record: RegisteredModel, *fields: str) -> None:
    """Save the lifecycle ``fields`` (status, publication) of a registered ``record``: the one
    narrow path that a service takes after registration. The model and, on PostgreSQL, the
    lifecycle trigger let exactly these columns through; the state is sealed again."""
    registration = record.registration
    unknown = set(fields) - set(registration.lifecycle)
    if unknown:
        raise ValueError(f"Not lifecycle fields of {record._meta.label}: {sorted(unknown)}")
    key_id = getattr(record, registration.key_field)
    setattr(record, registration.seal_field, _seal(record, registration, key_id))
    automatic = [f.name for f in record._meta.concrete_fields if getattr(f, "auto_now", False)]
    row = (record._meta.label, record.pk)
    _allowed().add(row)
    try:
        with pgtrigger.ignore(registration.lifecycle_trigger_uri(type(record))):
            record.save(update_fields=[*fields, registration.seal_field, *automatic])
    finally:
        _allowed().discard(row)


@dataclass(frozen=True)
class Verification:
    """What ``verify`` found: each digest against what is stored now."""

    content_ok: bool
    file_ok: bool
    files_ok: bool = True
    state_ok: bool = True

    @property
    def ok(self) -> bool:
        return self.content_ok and self.file_ok and self.files_ok and self.state_ok


def verify(record: RegisteredModel) -> Verification:
    """Recompute every digest of a registered ``record`` from what is stored now."""
    registration = record.registration
    key_id = getattr(record, registration.key_field)
    content = digests.canonical_json(registration.canonical_content(record))
    content_ok = digests.matches(content, getattr(record, registration.content_digest), key_id)
    try:
        with getattr(record, registration.file_field).open("rb") as stored:
            file_ok = digests.matches(stored.read(), getattr(record, registration.file_digest), key_id)
    except (FileNotFoundError, ValueError):
        file_ok = False
    files_ok = True
    for child_file in registration.files:
        for child in getattr(record, child_file.relation).all():
            try:
                files_ok &= file_sha256(getattr(child, child_file.file)) == getattr(child, child_file.digest)
            except (FileNotFoundError, ValueError):
                files_ok = False
    state_ok = digests.matches(_state(record, registration), getattr(record, registration.seal_field), key_id)
    return Verification(content_ok=content_ok, file_ok=file_ok, files_ok=files_ok, state_ok=state_ok)
