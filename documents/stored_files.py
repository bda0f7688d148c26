"""Files written inside a transaction, removed again if that transaction does not commit.

A registration renders and stores its file before the row that names it is written; if anything
fails after that (a number collision, a validation, the log), the transaction rolls back and the
file would stay in storage, named by nothing. ``removed_on_rollback`` opens the transaction and
deletes every file stored through ``store`` inside it when it ends with an error.
"""

import contextlib
import functools
import threading

from django.core.files.base import ContentFile
from django.db import transaction

_state = threading.local()


def _pending() -> list[list]:
    if not hasattr(_state, "pending"):
        _state.pending = []
    return _state.pending


@contextlib.contextmanager
def removed_on_rollback(using: str | None = None):
    """A transaction (``transaction.atomic``) whose stored files go if it ends with an error."""
    written: list = []
    stack = _pending()
    stack.append(written)
    try:
        with transaction.atomic(using=using):
            yield
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    finally:
        stack.pop()
    if stack:
        # Committed only as part of an enclosing transaction of the same kind: it answers for them.
        stack[-1].extend(written)


def atomic_with_files(function):
    """``@transaction.atomic`` for a service that stores files: see ``removed_on_rollback``."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with removed_on_rollback():
            return function(*args, **kwargs)

    return wrapper


def store(field_file, name: str, data: bytes) -> None:
    """Save ``data`` into ``field_file`` (not the row) and remember it for a rollback."""
    field_file.save(name, ContentFile(data), save=False)
    stack = _pending()
    if stack:
        stack[-1].append((field_file.storage, field_file.name))
