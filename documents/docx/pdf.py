"""PDF from .docx through LibreOffice, where it is installed (Debian: libreoffice-writer-nogui).

This module is the one place that runs LibreOffice. ``stored_pdf`` converts a frozen file once and
keeps the PDF in the media storage under the .docx's SHA-256; at most ``PDF_CONVERSIONS`` (setting,
default 2) conversions run at once on a machine, whatever the number of processes, through lock
files in ``PDF_LOCK_DIR`` (default: a folder in the system's temporary directory).
"""

import hashlib
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from filelock import FileLock, Timeout

TIMEOUT = 120


class Busy(Exception):
    """Every conversion slot stayed taken for TIMEOUT seconds: ask the reader to come back."""


def soffice() -> str | None:
    return shutil.which("soffice")


def available() -> bool:
    return soffice() is not None


def to_pdf(docx: bytes) -> bytes:
    """Convert with a throw-away LibreOffice profile, so that conversions never share a lock."""
    program = soffice()
    if program is None:
        raise RuntimeError("LibreOffice (soffice) is not installed.")
    with tempfile.TemporaryDirectory(prefix="kyzmat-pdf-") as work:
        folder = Path(work)
        (folder / "document.docx").write_bytes(docx)
        subprocess.run(  # noqa: S603 (fixed program and arguments)
            [
                program,
                f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(folder),
                str(folder / "document.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=TIMEOUT,
        )
        return (folder / "document.pdf").read_bytes()


def _lock_dir() -> Path:
    folder = Path(getattr(settings, "PDF_LOCK_DIR", "") or Path(tempfile.gettempdir()) / "kyzmat-pdf-locks")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _slot(digest: str) -> FileLock:
    """One of the PDF_CONVERSIONS slots: a free one if any, else wait for the digest's own slot."""
    slots = max(1, getattr(settings, "PDF_CONVERSIONS", 2))
    folder = _lock_dir()
    for index in range(slots):
        lock = FileLock(folder / f"slot-{index}.lock")
        try:
            lock.acquire(timeout=0)
        except Timeout:
            continue
        return lock
    lock = FileLock(folder / f"slot-{int(digest, 16) % slots}.lock")
    lock.acquire(timeout=TIMEOUT)
    return lock


def stored_pdf(docx: bytes, *, folder: str) -> bytes:
    """The PDF of a frozen .docx: converted once, then read from ``<folder>/<sha256>.pdf``.

    Raises ``Busy`` when no conversion could start within TIMEOUT seconds.
    """
    digest = hashlib.sha256(docx).hexdigest()
    name = f"{folder}/{digest}.pdf"
    if not default_storage.exists(name):
        try:
            _convert_once(docx, digest, name)
        except Timeout as error:
            raise Busy from error
    with default_storage.open(name, "rb") as stored:
        return stored.read()


def _convert_once(docx: bytes, digest: str, name: str) -> None:
    # One conversion per file: who waits for the same file finds it stored when the lock frees.
    with FileLock(_lock_dir() / f"{digest}.lock", timeout=TIMEOUT):
        if default_storage.exists(name):
            return
        slot = _slot(digest)
        try:
            default_storage.save(name, ContentFile(to_pdf(docx)))
        finally:
            slot.release()
