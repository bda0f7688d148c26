import datetime
import io
from decimal import Decimal

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


def test_the_files_carry_the_comparison_with_the_version_before(staff, client):
    """Against the version in force: one row added, one changed, one removed, and both totals."""
    newer = staff.approve(
        [
            (staff.legal, staff.lawyer, 3, Decimal("32000")),  # changed: 2 × 30 000 → 3 × 32 000
            (staff.hr_division, staff.lawyer, 1, Decimal("30000")),  # added
        ],  # the head of the legal division removed
        staff.table.effective_from + datetime.timedelta(days=10),
        title="Жаңы ырааттама",
    )
    client.force_login(staff.people.hr)
    response = client.get(f"/admin/snippets/staff/staffingtable/xlsx/{newer.pk}/")
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == ["ky", "ru", "ky ±", "ru ±"]
    rows = list(workbook["ru ±"].iter_rows(values_only=True))
    assert "Штаттык ырааттама" in rows[0][0]
    changes = {(r[0], r[1], r[2]): r[3:] for r in rows[2:-1]}
    assert changes == {
        ("добавлена", "Отдел кадров", "Юрист"): (None, 1, None, 30000),
        ("исключена", "Юридический отдел", "Заведующий отделом"): (1, None, 45000, None),
        ("изменена", "Юридический отдел", "Юрист"): (2, 3, 30000, 32000),
    }
    assert rows[-1][3:] == (3, 4, 105000, 126000)  # units and a month's salaries, before and after

    document = Document(io.BytesIO(client.get(f"/admin/snippets/staff/staffingtable/docx/{newer.pk}/").content))
    grid = document.tables[-1]
    assert grid.rows[0].cells[0].text == "Өзгөрүү"
    assert sorted(c.text for c in (row.cells[0] for row in grid.rows[1:-1])) == ["алынып салынды", "кошулду", "өзгөрдү"]
    assert [c.text for c in grid.rows[-1].cells][3:] == ["3", "4", "105 000.00", "126 000.00"]
    ru = Document(io.BytesIO(client.get(f"/admin/snippets/staff/staffingtable/docx/{newer.pk}/?language=ru").content))
    assert ru.tables[-1].rows[0].cells[0].text == "Изменение"

    # against a chosen version, or none when there is no version before
    document = Document(io.BytesIO(client.get(f"/admin/snippets/staff/staffingtable/docx/{staff.table.pk}/").content))
    assert all("Өзгөрүү" not in t.rows[0].cells[0].text for t in document.tables)
    chosen = client.get(f"/admin/snippets/staff/staffingtable/xlsx/{staff.table.pk}/?compare={newer.pk}")
    assert load_workbook(io.BytesIO(chosen.content)).sheetnames == ["ky", "ru", "ky ±", "ru ±"]
    bad = client.get(f"/admin/snippets/staff/staffingtable/xlsx/{newer.pk}/?compare=nonsense")
    assert bad.status_code == 200
