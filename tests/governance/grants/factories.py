import datetime
from decimal import Decimal

from governance.grants import services
from governance.grants.enums import DonorKind
from governance.grants.models import BudgetLine, Donor, Grant
from tests.factories import SubdivisionFactory, UserFactory


def officer(name="grants"):
    return UserFactory(username=name, roles=["grants_officer"])


def grant(actor, *, lines=(("01", "1000.00"), ("02", "500.00")), amount="1500.00", currency="USD", **fields) -> Grant:
    donor = services.donor_save(
        actor=actor,
        donor=Donor(kind=DonorKind.ORGANISATION, name_ky="Эл аралык уюм", name_ru="Международная организация"),
    )
    values = {
        "donor": donor,
        "title_ky": "Миграциялык маалымат борбору",
        "title_ru": "Центр миграционной информации",
        "purpose_ky": "Маалымат борборун жабдуу",
        "purpose_ru": "Оснащение информационного центра",
        "amount": Decimal(amount),
        "currency": currency,
        "starts_on": datetime.date(2024, 1, 1),
        "ends_on": datetime.date(2026, 12, 31),
        "treasury_account": "4402011001000123",
        "subdivision": SubdivisionFactory(),
        **fields,
    }
    made = services.grant_save(actor=actor, grant=Grant(**values))
    for code, line_amount in lines:
        services.budget_line_save(
            actor=actor,
            line=BudgetLine(
                grant=made, code=code, name_ky=f"Берене {code}", name_ru=f"Статья {code}", amount=Decimal(line_amount)
            ),
        )
    return made


def active(actor, **fields) -> Grant:
    made = grant(actor, **fields)
    made = services.grant_sign(grant=made, actor=actor, date=datetime.date(2024, 1, 10))
    return services.grant_activate(grant=made, actor=actor)


def received(actor, made: Grant, amount="1000.00", on=datetime.date(2024, 2, 1)):
    tranche = services.tranche_expect(
        actor=actor, grant=made, number=made.tranches.count() + 1, expected_on=on, expected_amount=Decimal(amount)
    )
    return services.tranche_receive(
        actor=actor, tranche=tranche, received_on=on, amount=Decimal(amount), currency=made.currency
    )
