import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from documents.instructions.models import Instruction
from governance.grants import money, selectors, services
from governance.grants.enums import GrantStatus
from governance.grants.exports import build_statement_xlsx
from governance.grants.models import Grant
from tests.factories import UserFactory
from tests.governance.grants.factories import active, grant, officer, received

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def actor(roles):
    return officer()


# Money.


def test_amounts_are_exact_and_positive():
    assert money.amount("10.50") == D("10.50")
    for bad in (0.1, "-1", "0", "1.005", "abc", None, "NaN"):
        with pytest.raises(ValidationError):
            money.amount(bad)


def test_another_currency_needs_a_stated_dated_rate():
    day = datetime.date(2024, 3, 1)
    assert money.convert(D("100.00"), "USD", to="USD", rate=None, rate_date=None) == D("100.00")
    with pytest.raises(ValidationError, match="needs a stated rate"):
        money.convert(D("100.00"), "EUR", to="USD", rate=None, rate_date=None)
    with pytest.raises(ValidationError, match="needs a stated rate"):
        money.convert(D("100.00"), "EUR", to="USD", rate=D("1.08"), rate_date=None)
    with pytest.raises(ValidationError, match="own currency"):
        money.convert(D("100.00"), "USD", to="USD", rate=D("1"), rate_date=day)
    # half a cent rounds up, as a bank statement does
    assert money.convert(D("10.05"), "EUR", to="USD", rate=D("1.1"), rate_date=day) == D("11.06")
    assert money.convert(D("8700.00"), "KGS", to="USD", rate=D("0.011494"), rate_date=day) == D("100.00")


def test_sums_never_mix_currencies():
    assert money.total([(D("1.10"), "USD"), (D("2.20"), "USD")], "USD") == D("3.30")
    with pytest.raises(ValidationError, match="not added without a rate"):
        money.total([(D("1.00"), "USD"), (D("1.00"), "EUR")], "USD")


# The lifecycle.


def test_the_lifecycle_and_its_refusals(actor):
    made = grant(actor, lines=(("01", "1000.00"),))
    with pytest.raises(ValidationError, match="budget lines come to"):
        services.grant_sign(grant=made, actor=actor)
    made = grant(actor, treasury_account="")
    made = services.grant_sign(grant=made, actor=actor, date=datetime.date(2024, 1, 10))
    with pytest.raises(ValidationError, match="treasury account"):
        services.grant_activate(grant=made, actor=actor)
    made.treasury_account = "4402011001000999"
    made = services.grant_save(actor=actor, grant=made)
    made = services.grant_activate(grant=made, actor=actor)
    made = services.grant_close(grant=made, actor=actor)
    assert made.status == GrantStatus.CLOSED
    with pytest.raises(ValidationError):
        services.grant_close(grant=made, actor=actor)


def test_only_the_grants_officer_changes_grants(roles, actor):
    made = grant(actor)
    chairman = UserFactory(username="chair", roles=["chairman"])
    with pytest.raises(PermissionDenied):
        services.grant_sign(grant=made, actor=chairman)
    with pytest.raises(PermissionDenied):
        services.grant_save(actor=UserFactory(username="hr", roles=["hr_officer"]), grant=made)


def test_budget_lines_never_exceed_the_grant(actor):
    made = grant(actor)
    line = made.lines.first()
    line.amount = D("1000.01")
    with pytest.raises(ValidationError, match="over the grant"):
        services.budget_line_save(actor=actor, line=line)


# Tranches, expenditures, balance.


def test_balance_and_budget_against_actual(actor):
    made = active(actor)
    first = received(actor, made, "1000.00")
    line = made.lines.get(code="01")
    services.expenditure_record(
        actor=actor,
        grant=made,
        line=line,
        tranche=first,
        date=datetime.date(2024, 2, 5),
        amount=D("300.10"),
        currency="USD",
        description="Компьютерлер",
    )
    services.expenditure_record(
        actor=actor,
        grant=made,
        line=line,
        tranche=first,
        date=datetime.date(2024, 2, 6),
        amount=D("9200.00"),
        currency="KGS",
        rate=D("0.0115"),
        rate_date=datetime.date(2024, 2, 6),
        description="Эмерек",
    )
    assert selectors.received(made) == D("1000.00")
    assert selectors.spent(made) == D("405.90")  # 300.10 + 9200 × 0.0115 = 105.80
    assert selectors.balance(made) == D("594.10")
    rows = {row.line.code: row for row in selectors.by_line(made)}
    assert rows["01"].spent == D("405.90") and rows["01"].remaining == D("594.10")
    assert rows["02"].spent == D("0.00")
    assert selectors.by_tranche(made)[0].spent == D("405.90")


def test_an_overspend_of_a_line_is_refused_and_changes_nothing(actor):
    made = active(actor)
    tranche = received(actor, made, "1500.00")
    line = made.lines.get(code="02")
    with pytest.raises(ValidationError, match="overspends the line") as error:
        services.expenditure_record(
            actor=actor,
            grant=made,
            line=line,
            tranche=tranche,
            date=datetime.date(2024, 2, 5),
            amount=D("500.01"),
            currency="USD",
            description="x",
        )
    assert "500.00 USD" in str(error.value)
    assert not made.expenditures.exists()


def test_an_overspend_of_the_money_received_is_refused(actor):
    made = active(actor)
    tranche = received(actor, made, "200.00")
    with pytest.raises(ValidationError, match="left of the tranche"):
        services.expenditure_record(
            actor=actor,
            grant=made,
            line=made.lines.get(code="01"),
            tranche=tranche,
            date=datetime.date(2024, 2, 5),
            amount=D("200.01"),
            currency="USD",
            description="x",
        )


def test_receiving_more_than_the_grant_is_refused(actor):
    made = active(actor)
    received(actor, made, "1500.00")
    with pytest.raises(ValidationError, match="over the grant"):
        services.tranche_expect(
            actor=actor, grant=made, number=2, expected_on=datetime.date(2024, 5, 1), expected_amount=D("0.01")
        )


def test_the_grant_overspend_is_refused_in_another_currency_too(actor):
    made = active(actor, lines=(("01", "1500.00"),))
    tranche = received(actor, made, "1500.00")
    line = made.lines.get()
    services.expenditure_record(
        actor=actor,
        grant=made,
        line=line,
        tranche=tranche,
        date=datetime.date(2024, 2, 5),
        amount=D("1400.00"),
        currency="USD",
        description="x",
    )
    with pytest.raises(ValidationError, match="overspends"):
        services.expenditure_record(
            actor=actor,
            grant=made,
            line=line,
            tranche=tranche,
            date=datetime.date(2024, 2, 6),
            amount=D("100.00"),
            currency="EUR",
            rate=D("1.0001"),
            rate_date=datetime.date(2024, 2, 6),
            description="x",
        )


def test_money_is_not_spent_before_the_grant_is_active(actor):
    made = grant(actor)
    made = services.grant_sign(grant=made, actor=actor, date=datetime.date(2024, 1, 10))
    tranche = received(actor, made, "100.00")
    with pytest.raises(ValidationError, match="active grant"):
        services.expenditure_record(
            actor=actor,
            grant=made,
            line=made.lines.first(),
            tranche=tranche,
            date=datetime.date(2024, 2, 5),
            amount=D("1.00"),
            currency="USD",
            description="x",
        )


# The donor's obligations under control.


def test_tranches_expected_and_reports_due_become_instructions(actor, today):
    today(datetime.date(2026, 1, 5))
    made = active(actor)
    tranche = services.tranche_expect(
        actor=actor, grant=made, number=1, expected_on=datetime.date(2026, 3, 2), expected_amount=D("700.00")
    )
    report = services.report_schedule(
        actor=actor,
        grant=made,
        title_ky="Жарым жылдык отчёт",
        title_ru="Полугодовой отчёт",
        due_on=datetime.date(2026, 7, 15),
    )
    assert Instruction.objects.for_subject(tranche).get().deadline == datetime.date(2026, 3, 2)
    assert Instruction.objects.for_subject(report).get().deadline == datetime.date(2026, 7, 15)
    from django.core.files.base import ContentFile

    report = services.report_submit(actor=actor, report=report, file=ContentFile(b"%PDF", name="report.pdf"))
    assert report.submitted_on == datetime.date(2026, 1, 5)
    with pytest.raises(ValidationError, match="already been submitted"):
        services.report_submit(actor=actor, report=report, file=ContentFile(b"%PDF", name="again.pdf"))


# The statement and the public listing.


def test_the_statement_reads_back(actor):
    made = active(actor)
    tranche = received(actor, made, "1000.00")
    services.expenditure_record(
        actor=actor,
        grant=made,
        line=made.lines.get(code="01"),
        tranche=tranche,
        date=datetime.date(2024, 2, 5),
        amount=D("250.25"),
        currency="USD",
        description="Ноутбуктар",
    )
    book = openpyxl.load_workbook(io.BytesIO(build_statement_xlsx(made)))
    summary = {row[0]: row[1] for row in book.worksheets[0].iter_rows(values_only=True)}
    assert summary["Amount"] == 1500 and summary["Balance"] == pytest.approx(749.75)
    lines = list(book.worksheets[1].iter_rows(values_only=True))
    assert lines[1][:2] == ("01", "Берене 01") and lines[1][3] == pytest.approx(250.25)
    payments = list(book.worksheets[3].iter_rows(values_only=True))
    assert payments[1][3] == "Ноутбуктар" and payments[1][5] == "USD"


def test_the_public_page_and_api_list_public_signed_grants_only(actor):
    shown = active(actor, title_ky="Ачык грант", title_ru="Открытый грант")
    active(actor, title_ky="Жабык грант", title_ru="Закрытый грант", is_public=False)
    grant(actor, title_ky="Сүйлөшүүдөгү грант", title_ru="Грант в переговорах")
    client = Client()
    for language, title in (("ky", "Ачык грант"), ("ru", "Открытый грант")):
        body = client.get(f"/{language}/grants/").content.decode()
        assert title in body
        assert (
            "Жабык" not in body and "Закрытый" not in body and "Сүйлөшүүдөгү" not in body and "переговорах" not in body
        )
    listing = client.get("/api/v1/grants/").json()
    assert [item["id"] for item in listing["items"]] == [shown.pk]
    assert listing["items"][0]["amount"] == "1500.00"
    assert Grant.objects.count() == 3


def test_a_tranche_is_received_once_and_in_another_currency_only_at_a_dated_rate(actor):
    made = active(actor)
    tranche = services.tranche_expect(
        actor=actor, grant=made, number=1, expected_on=datetime.date(2024, 2, 1), expected_amount=D("1000.00")
    )
    with pytest.raises(ValidationError, match="needs a stated rate"):
        services.tranche_receive(
            actor=actor, tranche=tranche, received_on=datetime.date(2024, 2, 1), amount=D("920.00"), currency="EUR"
        )
    tranche = services.tranche_receive(
        actor=actor,
        tranche=tranche,
        received_on=datetime.date(2024, 2, 1),
        amount=D("920.00"),
        currency="EUR",
        rate=D("1.087"),
        rate_date=datetime.date(2024, 2, 1),
    )
    assert tranche.received_amount == D("1000.04") and tranche.received_original == D("920.00")
    with pytest.raises(ValidationError, match="status"):
        services.tranche_receive(
            actor=actor, tranche=tranche, received_on=datetime.date(2024, 2, 2), amount=D("1.00"), currency="USD"
        )


def test_the_receipt_button_in_the_admin_calls_the_service(actor, client):
    made = active(actor)
    tranche = services.tranche_expect(
        actor=actor, grant=made, number=1, expected_on=datetime.date(2024, 2, 1), expected_amount=D("500.00")
    )
    client.force_login(actor)
    page = client.get(f"/admin/snippets/grants/tranche/inspect/{tranche.pk}/")
    assert f"/transition/{tranche.pk}/receive/" in page.content.decode()
    client.post(
        f"/admin/snippets/grants/tranche/transition/{tranche.pk}/receive/",
        {"received_on": "2024-02-01", "amount": "500.00", "currency": "usd"},
    )
    tranche.refresh_from_db()
    assert tranche.status == "received" and tranche.received_amount == D("500.00")
    statement = client.get(f"/admin/snippets/grants/grant/xlsx/{made.pk}/")
    assert statement.status_code == 200 and statement.content[:2] == b"PK"


@pytest.mark.parametrize("count", [1, 5])
def test_the_public_list_makes_the_same_queries_whatever_the_number(actor, count, django_assert_max_num_queries):
    for index in range(count):
        active(actor, title_ky=f"Грант {index}", title_ru=f"Грант {index}")
    with django_assert_max_num_queries(10):
        assert Client().get("/ru/grants/").status_code == 200
