"""The vacancy report's files: the rows the page shows its reader on the chosen date, with totals."""

import datetime
import io

import pytest
from django import forms
from docx import Document
from openpyxl import load_workbook
from wagtail.models import Site
from wagtail.users.models import UserProfile

from governance.access.objects import grant
from governance.agency.demo import AGENCY
from governance.agency.models import AgencySettings
from governance.staff.enums import ActionKind
from governance.staff.models import PostHolding
from governance.staff.selectors import vacancies_on
from tests.factories import SubdivisionFactory, UserFactory
from tests.governance.orders.factories import People
from tests.governance.staff.factories import DAY, EmployeeFactory, Staff

pytestmark = pytest.mark.django_db

A = ActionKind
URL = "/admin/snippets/staff/staffingtable/vacancies/"
FIRST, SECOND = DAY + datetime.timedelta(days=5), DAY + datetime.timedelta(days=40)


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def staff(people):
    """From DAY + 1: legal 2 lawyers and 1 head, its sector 1 lawyer, HR 1 head; a lawyer in legal from
    DAY + 1 and one in the sector from DAY + 30."""
    staff = Staff(people)
    staff.sector = SubdivisionFactory(code="legal-contracts", name_ky="Келишимдер сектору", parent=staff.legal)
    staff.sector.name_ru = "Сектор договоров"
    staff.sector.save()
    staff.approve(
        [
            (staff.legal, staff.lawyer, 2, 30000),
            (staff.legal, staff.head, 1, 45000),
            (staff.sector, staff.lawyer, 1, 30000),
            (staff.hr_division, staff.head, 1, 45000),
        ],
        DAY + datetime.timedelta(days=1),
    )
    staff.effect(
        staff.action(EmployeeFactory(), A.APPOINTMENT, DAY + datetime.timedelta(days=1), staff.legal, staff.lawyer)
    )
    staff.effect(
        staff.action(EmployeeFactory(), A.APPOINTMENT, DAY + datetime.timedelta(days=30), staff.sector, staff.lawyer)
    )
    return staff


def _expected(day, language, subdivisions=None):
    field = {"ky": ("name_ky", "title_ky"), "ru": ("name_ru", "title_ru")}[language]
    return [
        (getattr(v.subdivision, field[0]), getattr(v.position, field[1]), v.units, v.occupied, v.vacant)
        for v in vacancies_on(day, subdivisions=subdivisions)
    ]


def _totals(rows):
    return tuple(sum(row[i] for row in rows) for i in (2, 3, 4))


def _xlsx(client, day, sheet):
    response = client.get(f"{URL}xlsx/?date={day:%Y-%m-%d}")
    assert response.status_code == 200 and response["Content-Type"].endswith("spreadsheetml.sheet")
    workbook = load_workbook(io.BytesIO(response.content))
    return workbook, list(workbook[sheet].iter_rows(values_only=True))


def _docx(client, day):
    response = client.get(f"{URL}docx/?date={day:%Y-%m-%d}")
    assert response.status_code == 200 and response["Content-Type"].endswith("wordprocessingml.document")
    return Document(io.BytesIO(response.content))


def test_both_files_hold_the_figures_of_the_report_on_two_dates(client, people, staff):
    client.force_login(people.hr)
    for day in (FIRST, SECOND):
        expected = _expected(day, "ky")
        assert len(expected) == 4
        workbook, rows = _xlsx(client, day, "ky")
        assert workbook.sheetnames == ["ky", "ru"]  # the reader's language first
        assert f"{day:%d.%m.%Y}" in rows[0][1]
        assert [tuple(row) for row in rows[2:-1]] == expected
        assert rows[-1] == ("Бардыгы", None, *_totals(expected))
        _, rows_ru = _xlsx(client, day, "ru")
        assert [tuple(row) for row in rows_ru[2:-1]] == _expected(day, "ru")
        assert rows_ru[-1][0] == "Итого"

        document = _docx(client, day)
        section = document.sections[0]
        assert section.page_width > section.page_height  # landscape
        text = "\n".join(p.text for p in document.paragraphs)
        assert f"{day:%d.%m.%Y}" in text and "БОШ КЫЗМАТ ОРУНДАРЫ" in text
        grid = document.tables[-1]
        assert [c.text for c in grid.rows[0].cells] == ["Түзүмдүк бөлүм", "Кызмат орду", "Бирдик", "Ээленген", "Бош"]
        cells = [tuple(c.text for c in row.cells) for row in grid.rows[1:-1]]
        assert cells == [tuple(str(v) for v in row) for row in expected]
        assert tuple(c.text for c in grid.rows[-1].cells) == ("Бардыгы", "", *map(str, _totals(expected)))
    # the sector's lawyer arrived between the dates: one vacancy fewer
    assert _totals(_expected(SECOND, "ky"))[2] == _totals(_expected(FIRST, "ky"))[2] - 1


def test_the_docx_carries_the_letterhead_and_speaks_the_readers_language(client, people, staff):
    AgencySettings.objects.create(site=Site.objects.get(is_default_site=True), **AGENCY)
    profile = UserProfile.get_for_user(people.hr)
    profile.preferred_language = "ru"
    profile.save()
    client.force_login(people.hr)
    document = _docx(client, FIRST)
    head = [cell.text for cell in document.tables[0].rows[0].cells]
    assert head[0] == AGENCY["full_name_ky"].upper() and head[2] == AGENCY["full_name_ru"].upper()
    assert document.tables[-1].rows[0].cells[0].text == "Подразделение"
    assert document.tables[-1].rows[-1].cells[0].text == "Итого"
    text = "\n".join(p.text for p in document.paragraphs)
    assert "ВАКАНТНЫЕ ДОЛЖНОСТИ" in text and f"по состоянию на {FIRST:%d.%m.%Y}" in text
    workbook, _ = _xlsx(client, FIRST, "ru")
    assert workbook.sheetnames == ["ru", "ky"]


def test_the_page_links_both_files_with_the_chosen_date(client, people, staff):
    client.force_login(people.hr)
    body = client.get(f"{URL}?date={SECOND:%Y-%m-%d}").content.decode()
    assert f"vacancies/docx/?date={SECOND:%Y-%m-%d}" in body and f"vacancies/xlsx/?date={SECOND:%Y-%m-%d}" in body


def test_a_heads_files_hold_their_subtree_only(client, staff):
    head = UserFactory(username="head", roles=["head_of_subdivision"])
    grant(head, "structure.change_subdivision", staff.legal)
    client.force_login(head)
    _, rows = _xlsx(client, SECOND, "ky")
    names = {row[0] for row in rows[2:-1]}
    assert names == {"Юридикалык бөлүм", "Келишимдер сектору"}  # the sibling HR division is not there
    assert rows[-1][2:] == (4, 2, 2)
    grid = _docx(client, SECOND).tables[-1]
    assert "Кадр бөлүмү" not in {row.cells[0].text for row in grid.rows}
    assert grid.rows[-1].cells[2].text == "4"


def test_a_bad_date_gives_the_page_with_a_message_and_no_file(client, people, staff):
    client.force_login(people.hr)
    holdings = PostHolding.objects.count()
    for kind in ("docx", "xlsx"):
        for bad in ("nonsense", "2026-13-45", "9999999-01-01"):
            response = client.get(f"{URL}{kind}/?date={bad}")
            assert response.status_code == 400
            assert response["Content-Type"].startswith("text/html")
            assert str(forms.DateField().error_messages["invalid"]) in response.content.decode()
    assert PostHolding.objects.count() == holdings


def test_a_plain_employee_gets_no_file(client, staff):
    plain = UserFactory(username="plain", roles=["records_officer"])
    client.force_login(plain)
    for kind in ("docx", "xlsx"):
        assert client.get(f"{URL}{kind}/?date={FIRST:%Y-%m-%d}").status_code in (302, 403)
    client.logout()
    assert client.get(f"{URL}docx/").status_code == 302  # to the login page
