"""The statement of a grant for the donor, as .xlsx (openpyxl): the summary, the budget against
actual per line and per tranche, and every expenditure, all in the grant's currency."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from governance.grants import selectors
from governance.grants.models import Grant

MONEY = "#,##0.00"


def _header(sheet, *titles):
    sheet.append([str(title) for title in titles])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)


def _money_columns(sheet, *columns):
    for column in columns:
        for cell in sheet[column][1:]:
            cell.number_format = MONEY


def build_statement_xlsx(grant: Grant) -> bytes:
    book = Workbook()
    summary = book.active
    summary.title = _("Summary")[:31]
    received, spent = selectors.received(grant), selectors.spent(grant)
    for label, value in (
        (_("Grant"), grant.title()),
        (_("Donor"), grant.donor.name()),
        (_("Currency"), grant.currency),
        (_("Amount"), grant.amount),
        (_("Received"), received),
        (_("Spent"), spent),
        (_("Balance"), received - spent),
        (_("Special treasury account"), grant.treasury_account),
        (_("Period"), f"{grant.starts_on:%d.%m.%Y}–{grant.ends_on:%d.%m.%Y}"),
    ):
        summary.append([str(label), value])
    _money_columns(summary, "B")

    lines = book.create_sheet(_("Budget lines")[:31])
    _header(lines, _("Code"), _("Budget line"), _("Budget"), _("Spent"), _("Remaining"))
    for row in selectors.by_line(grant):
        lines.append([row.line.code, row.line.name(), row.budget, row.spent, row.remaining])
    _money_columns(lines, "C", "D", "E")

    tranches = book.create_sheet(_("Tranches")[:31])
    _header(tranches, _("Number"), _("Expected on"), _("Expected"), _("Received on"), _("Received"), _("Spent"))
    for row in selectors.by_tranche(grant):
        tranches.append(
            [
                row.tranche.number,
                row.tranche.expected_on,
                row.expected,
                row.tranche.received_on,
                row.received,
                row.spent,
            ]
        )
    _money_columns(tranches, "C", "E", "F")

    payments = book.create_sheet(_("Expenditures")[:31])
    _header(
        payments,
        _("Date"),
        _("Budget line"),
        _("Tranche"),
        _("Description"),
        _("Amount paid"),
        _("Currency paid"),
        _("Rate"),
        _("Date of the rate"),
        _("Amount in the grant's currency"),
    )
    for item in grant.expenditures.select_related("line", "tranche").order_by("date", "pk"):
        payments.append(
            [
                item.date,
                item.line.code,
                item.tranche.number,
                item.description,
                item.amount,
                item.currency,
                item.rate,
                item.rate_date,
                item.amount_in_grant_currency,
            ]
        )
    _money_columns(payments, "E", "I")
    for sheet in book.worksheets:
        for cell in sheet["A"] + (sheet["B"] if sheet is not summary else ()):
            if hasattr(cell.value, "strftime"):
                cell.number_format = "DD.MM.YYYY"
    output = BytesIO()
    book.save(output)
    return output.getvalue()
