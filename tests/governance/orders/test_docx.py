import io
import shutil
import subprocess

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from documents.docx import pdf
from governance.orders import services
from governance.orders.docx import build_order_document, order_document_data, render_order
from tests.conftest import IN_CI
from tests.governance.orders.factories import People, approved, delegation, draft, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def texts(document):
    found = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            found.extend(cell.text for cell in row.cells)
    return found


def test_the_signed_file_holds_both_texts_under_one_number_and_the_approval_sheet(people):
    order = signed(people)

    document = Document(io.BytesIO(order.document.read()))
    text = texts(document)

    assert text.index("БУЙРУК") < text.index("ПРИКАЗ")  # the Kyrgyz original first
    assert text.count(f"№ {order.number_display}") == 2
    # the date under both texts, and on the approval sheet for each approver (all decided today)
    assert text.count(order.signed_on.strftime("%d.%m.%Y")) == 2 + order.approvals.count()
    for expected in (
        "Бишкек шаары",
        "город Бишкек",
        order.title_ky,
        order.title_ru,
        "буйрук кылам:",
        "приказываю:",
        "1. Маалыматтык-консультациялык борбордо ишеним телефонун ачуу.",
        "2. Контроль за исполнением настоящего приказа возложить на статс-секретаря.",
        "Төрага",
        "Председатель",
        "А. Токтосунов",
        "МАКУЛДАШУУ БАРАГЫ / ЛИСТ СОГЛАСОВАНИЯ",
        "Айбек Юристов",
        "макулдашылды / согласовано",
    ):
        assert expected in text, expected


def test_the_acting_chairman_signs_as_acting(people):
    delegation(people)
    order = services.order_sign(order=approved(people), actor=people.deputy)

    text = texts(Document(io.BytesIO(order.document.read())))
    assert "Төраганын милдетин аткаруучу" in text
    assert "Исполняющий обязанности председателя" in text
    assert "Г. Абдыкадырова" in text


def test_the_blank_follows_the_record_keeping_rules(people):
    document = build_order_document(order_document_data(draft(people)))

    section = document.sections[0]
    measured = (section.page_width, section.page_height, section.left_margin, section.right_margin)
    measured += (section.top_margin, section.bottom_margin)
    expected = (Mm(210), Mm(297), Mm(30), Mm(10), Mm(20), Mm(20))
    assert all(abs(a - b) < Mm(0.1) for a, b in zip(measured, expected, strict=True))  # stored in twips
    normal = document.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(14))
    fonts = normal.element.rPr.find(qn("w:rFonts"))
    assert {fonts.get(qn(slot)) for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Times New Roman"}
    languages = {lang.get(qn("w:val")) for lang in document.element.body.iter(qn("w:lang"))}
    assert {"ky-KG", "ru-RU"} <= languages
    header = section.header._element.xml
    assert 'w:fldCharType="begin"' in header and "PAGE" in header
    sheet = document.tables[-1]
    assert sheet.columns[1].width == sheet.rows[0].cells[1].width  # grid and cells agree


PDFTOTEXT = shutil.which("pdftotext")


@pytest.mark.skipif(
    not (pdf.available() and PDFTOTEXT) and not IN_CI,
    reason="needs libreoffice-writer-nogui and poppler-utils (installed by .ci/run)",
)
def test_libreoffice_converts_the_order_to_a_pdf_with_the_kyrgyz_letters(people, tmp_path):
    order = signed(people, title_ky="Өзгөчө кырдаалда үй-бүлөлөргө кеңеш берүү тартиби жөнүндө")
    path = tmp_path / "order.pdf"

    path.write_bytes(pdf.to_pdf(render_order(order)))

    assert path.read_bytes().startswith(b"%PDF")
    text = subprocess.run([PDFTOTEXT, str(path), "-"], check=True, capture_output=True, text=True).stdout
    assert {"ң", "ө", "ү"} <= set(text)
    assert "Өзгөчө кырдаалда" in text


def test_the_letterhead_carries_the_agencys_names_and_emblem(people):
    import wagtail_factories
    from wagtail.models import Site

    from governance.agency.demo import AGENCY
    from governance.agency.models import AgencySettings

    AgencySettings.objects.create(
        site=Site.objects.get(is_default_site=True), emblem=wagtail_factories.ImageFactory(), **AGENCY
    )

    document = Document(io.BytesIO(render_order(signed(people))))

    assert len(document.inline_shapes) == 1
    head = [cell.text for cell in document.tables[0].rows[0].cells]
    assert head[0] == AGENCY["full_name_ky"].upper() and head[2] == AGENCY["full_name_ru"].upper()
