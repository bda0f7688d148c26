"""A frozen file is converted to PDF once (issue 8, finding 3).

``documents.docx.pdf.to_pdf`` is the leaf that starts LibreOffice: the tests wrap it with a
counting spy that still runs the real conversion, and count its calls.
"""

import io
import threading

import pytest
from django.core.files.storage import default_storage
from docx import Document

from documents.docx import pdf
from tests.governance.orders.factories import People, published

pytestmark = pytest.mark.skipif(not pdf.available(), reason="needs LibreOffice")


@pytest.fixture
def conversions(monkeypatch, settings, tmp_path):
    settings.PDF_LOCK_DIR = str(tmp_path)
    calls = []
    real = pdf.to_pdf

    def counting(docx: bytes) -> bytes:
        calls.append(len(docx))
        return real(docx)

    monkeypatch.setattr(pdf, "to_pdf", counting)
    return calls


def _docx(text: str) -> bytes:
    document = Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.django_db
def test_two_requests_for_a_signed_orders_pdf_convert_it_once(client, roles, conversions):
    order = published(People())

    first = client.get(f"/ky/orders/{order.year}/{order.number_display}/pdf/")
    second = client.get(f"/ru/orders/{order.year}/{order.number_display}/pdf/")

    assert first.status_code == second.status_code == 200
    assert first.content.startswith(b"%PDF") and second.content == first.content
    assert len(conversions) == 1
    assert default_storage.listdir("orders/pdf")[1]  # the stored PDF, named by the file's digest


def test_concurrent_requests_for_one_file_wait_for_a_single_conversion(conversions):
    source = _docx("Бир эле файл")
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(pdf.stored_pdf(source, folder="test-pdf"))) for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(results) == 4 and len({*results}) == 1 and results[0].startswith(b"%PDF")
    assert len(conversions) == 1


def test_a_different_file_is_converted_on_its_own(conversions):
    first, other = _docx("Биринчи"), _docx("Экинчи")
    pdf.stored_pdf(first, folder="test-pdf")
    pdf.stored_pdf(other, folder="test-pdf")
    pdf.stored_pdf(first, folder="test-pdf")

    assert len(conversions) == 2


@pytest.mark.django_db
def test_when_every_conversion_slot_is_taken_the_reader_is_asked_to_come_back(
    client, roles, conversions, settings, monkeypatch
):
    from filelock import FileLock

    # a title of its own: the storage outlives a test, and a PDF stored for the same file earlier
    # would be served without a conversion
    order = published(People(), title_ky="Бош орун күткөн буйрук")
    settings.PDF_CONVERSIONS = 1
    monkeypatch.setattr(pdf, "TIMEOUT", 0)  # do not wait for the slot

    with FileLock(f"{settings.PDF_LOCK_DIR}/slot-0.lock"):  # another process converts
        response = client.get(f"/ky/orders/{order.year}/{order.number_display}/pdf/")

    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert conversions == []
