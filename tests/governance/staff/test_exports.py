import io

import pytest
from docx import Document
from openpyxl import load_workbook

from governance.staff.exports import build_staffing_docx, build_staffing_xlsx, staffing_document_data
from tests.governance.orders.factories import People
from tests.governance.staff.factories import Staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(roles):
    return Staff(People())  # legal: 2 lawyers at 30 000, 1 head at 45 000


def test_the_docx_is_a_landscape_table_in_each_language(staff):
    data = staffing_document_data(staff.table)
    for language, heading, total in (("ky", "Кызмат орду", "Бардыгы"), ("ru", "Должность", "Итого")):
        document = Document(io.BytesIO(build_staffing_docx(data, language=language)))
        section = document.sections[0]
        assert section.page_width > section.page_height
        grid = document.tables[-1]
        assert [c.text for c in grid.rows[0].cells][1] == heading
        assert [c.text for c in grid.rows[-1].cells] == [total, "", "3", "", "105 000.00"]


def test_the_xlsx_has_a_sheet_per_language_with_amounts_as_numbers(staff, client):
    workbook = load_workbook(io.BytesIO(build_staffing_xlsx(staffing_document_data(staff.table))))
    assert workbook.sheetnames == ["ky", "ru"]
    rows = list(workbook["ru"].iter_rows(values_only=True))
    assert rows[1][:3] == ("Подразделение", "Должность", "Единиц")
    assert rows[-1][2] == 3 and float(rows[-1][4]) == 105000

    client.force_login(staff.people.hr)
    response = client.get(f"/admin/snippets/staff/staffingtable/xlsx/{staff.table.pk}/")
    assert response.status_code == 200 and response["Content-Type"].endswith("spreadsheetml.sheet")
    client.force_login(staff.people.outsider)
    assert client.get(f"/admin/snippets/staff/staffingtable/docx/{staff.table.pk}/").status_code in (302, 403)
