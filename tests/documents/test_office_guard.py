"""The Office-file guard refuses every hazard, quickly and without a memory spike."""

import time
import tracemalloc

import pytest
from django.utils import translation

from documents import office_guard
from documents.office_guard import Limits, OfficeFileRefused
from tests.documents import office_files as files

EXTERNAL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate"
ALT_CHUNK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
DOCTYPE_XML = b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">]><d>&a;&a;</d>'


def refusal(data: bytes, limits: Limits = office_guard.LIMITS) -> str:
    with translation.override("ru"), pytest.raises(OfficeFileRefused) as caught:
        office_guard.check(data, limits)
    with translation.override("ru"):
        return str(caught.value.message)


def test_a_plain_document_passes():
    office_guard.check(files.plain_docx())


def test_a_hyperlink_to_the_web_passes():
    office_guard.check(files.with_hyperlink(files.plain_docx()))


@pytest.mark.parametrize(
    ("build", "words"),
    [
        (lambda: b"just some text", "Office"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "парол"),
        (lambda: files.plain_docx()[:-200], "поврежд"),
        (lambda: files.rezip({"a.txt": b"x"}), "Office"),
        (lambda: files.with_part(files.plain_docx(), "word/document.xml", DOCTYPE_XML), "DOCTYPE"),
        (lambda: files.with_part(files.plain_docx(), "word/vbaProject.bin", b"\0" * 64), "макрос"),
        (lambda: files.with_relationship(files.plain_docx(), EXTERNAL, "http://evil.example/t.dotm"), "внешн"),
        (lambda: files.with_relationship(files.plain_docx(), ALT_CHUNK, "afchunk.htm", external=False), "altChunk"),
        (lambda: files.lying_sizes(files.plain_docx()), "поврежд"),
        (lambda: files.lying_sizes(files.plain_docx(), declared=10**8), "поврежд"),
    ],
    ids=[
        "not-a-zip",
        "encrypted",
        "truncated",
        "zip-but-not-office",
        "doctype",
        "macro",
        "external-template",
        "alt-chunk",
        "size-declared-too-small",
        "size-declared-too-large",
    ],
)
def test_a_hazard_is_refused_with_a_message_in_the_users_language(build, words):
    assert words.lower() in refusal(build()).lower()


def test_the_known_hazard_a_small_file_of_25_mb_xml_is_refused_fast_and_without_a_memory_spike():
    bomb = files.bomb(files.plain_docx(), 25 * 1024 * 1024)
    assert len(bomb) < 200 * 1024
    tracemalloc.start()
    started = time.perf_counter()
    message = refusal(bomb)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "много данных" in message
    assert elapsed < 1
    assert peak < 4 * 1024 * 1024


def test_inflated_bytes_are_counted_over_all_parts_not_taken_from_the_headers():
    # a ratio under the limit in each part, but more than the whole budget together
    bomb = files.bomb(files.plain_docx(), 3 * 1024 * 1024)
    office_guard.check(bomb, Limits(ratio=10**6))
    assert "много данных" in refusal(bomb, Limits(inflated_bytes=2 * 1024 * 1024, ratio=10**6))


def test_too_large_and_too_many_parts():
    data = files.plain_docx()
    assert "больше" in refusal(data, Limits(file_bytes=1000))
    assert "частей" in refusal(data, Limits(entries=3))
