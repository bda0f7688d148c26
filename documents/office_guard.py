"""The guard every Office file passes before anything opens it (docs/import.md).

An Office Open XML file (.docx, .xlsx) is a zip of XML parts. A hostile one can inflate a small
upload into hundreds of megabytes, lie about its sizes in the zip headers, carry a DOCTYPE (entity
expansion), macros, an ``altChunk`` that pulls in another document, or relationships to outside
resources that a reader would fetch. :func:`check` refuses all of these, reading every entry once
in small chunks and counting the bytes it really gets, not the sizes the headers declare; it never
holds more than one chunk of an entry in memory, except the small relationship parts it parses.

    data = upload.read(office_guard.MAX_FILE_BYTES + 1)
    office_guard.check(data)  # raises OfficeFileRefused with a message in the user's language
"""

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

from django.utils.translation import gettext_lazy as _

MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    file_bytes: int = MAX_FILE_BYTES
    entries: int = 2000
    inflated_bytes: int = 48 * 1024 * 1024  # all entries together, as actually inflated
    ratio: int = 100  # inflated / compressed, for an entry that inflates past ratio_floor
    ratio_floor: int = 1024 * 1024
    relationship_bytes: int = 1024 * 1024  # a .rels part is parsed, so it must stay small


LIMITS = Limits()
CHUNK = 64 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted OOXML and old binary Office files
DOCTYPE = re.compile(rb"<!\s*doctype", re.IGNORECASE)
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml")
# The only outside target allowed: a hyperlink, which a reader shows but never fetches.
HYPERLINK = "/relationships/hyperlink"
ALT_CHUNK = "/relationships/afchunk"
RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"


ENCRYPTED = _(
    "The file is encrypted with a password or saved in an old Office format. Save it as .docx without a password."
)


class OfficeFileRefused(ValueError):
    """The file is not a safe Office file; ``message`` says why, in the user's language."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def check(data: bytes, limits: Limits = LIMITS) -> None:
    """Refuse ``data`` unless it is a well-formed, bounded Office Open XML package."""
    if len(data) > limits.file_bytes:
        raise OfficeFileRefused(
            _("The file is larger than %(limit)s MB.") % {"limit": f"{limits.file_bytes / (1024 * 1024):g}"}
        )
    if data.startswith(OLE_MAGIC):
        raise OfficeFileRefused(ENCRYPTED)
    if not data.startswith(ZIP_MAGIC):
        raise OfficeFileRefused(_("The file is not an Office document (.docx)."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError):
        raise OfficeFileRefused(_("The file is damaged: its archive cannot be read.")) from None
    with archive:
        entries = archive.infolist()
        if len(entries) > limits.entries:
            raise OfficeFileRefused(_("The file has too many parts to be a document."))
        names = {entry.filename.lower() for entry in entries}
        if "[content_types].xml" not in names:
            raise OfficeFileRefused(_("The file is not an Office document (.docx)."))
        budget = [limits.inflated_bytes]
        for entry in entries:
            _check_entry(archive, entry, limits, budget)


def _check_entry(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, limits: Limits, budget: list[int]) -> None:
    name = entry.filename.lower()
    if name.rsplit("/", 1)[-1] in MACRO_PARTS:
        raise OfficeFileRefused(_("The file contains macros; save it as .docx without macros."))
    if entry.flag_bits & 0x1:
        raise OfficeFileRefused(ENCRYPTED)
    is_xml = name.endswith((".xml", ".rels"))
    kept = bytearray() if name.endswith(".rels") else None
    inflated, tail = 0, b""
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(CHUNK):
                inflated += len(chunk)
                budget[0] -= len(chunk)
                if budget[0] < 0:
                    raise OfficeFileRefused(_("The file inflates to too much data to be a document."))
                if inflated > limits.ratio_floor and inflated > limits.ratio * max(entry.compress_size, 1):
                    raise OfficeFileRefused(_("The file inflates to too much data to be a document."))
                if is_xml and DOCTYPE.search(tail + chunk):
                    raise OfficeFileRefused(_("The file contains a DOCTYPE declaration, which documents never need."))
                tail = chunk[-16:]
                if kept is not None:
                    if inflated > limits.relationship_bytes:
                        raise OfficeFileRefused(_("The file inflates to too much data to be a document."))
                    kept += chunk
    except OfficeFileRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError):
        # a bad CRC, a size that lies, an unknown compression method
        raise OfficeFileRefused(_("The file is damaged: its archive cannot be read.")) from None
    if inflated != entry.file_size:
        raise OfficeFileRefused(_("The file is damaged: its archive cannot be read."))
    if kept is not None:
        _check_relationships(bytes(kept))


def _check_relationships(xml: bytes) -> None:
    try:
        root = ElementTree.fromstring(xml)  # noqa: S314 (a DOCTYPE was refused above)  # nosec B314
    except ElementTree.ParseError:
        raise OfficeFileRefused(_("The file is damaged: its archive cannot be read.")) from None
    for relationship in root.iter(RELATIONSHIP):
        kind = relationship.get("Type", "").lower()
        if kind.endswith(ALT_CHUNK):
            raise OfficeFileRefused(_("The file embeds another document (altChunk); paste its text instead."))
        if relationship.get("TargetMode", "").lower() == "external" and not kind.endswith(HYPERLINK):
            raise OfficeFileRefused(_("The file refers to outside files or templates; save it without such links."))
