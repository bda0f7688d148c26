"""PDF from .docx through LibreOffice, where it is installed (Debian: libreoffice-writer-nogui)."""

import shutil
import subprocess
import tempfile
from pathlib import Path

TIMEOUT = 120


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
