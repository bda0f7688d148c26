"""The demo's grants: a project of an international organisation in US dollars and one of a
foreign state's agency in euros, each active on its special treasury account, with budget lines,
tranches received and expected, expenditures (one paid in soms at a stated rate) and a report due
to the donor. Our own texts. Loaded once: a second run finds the grants and leaves them."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from governance.grants import services
from governance.grants.enums import DonorKind
from governance.grants.models import BudgetLine, Donor, Grant

DAY = datetime.timedelta(days=1)
D = Decimal

GRANTS = [
    {
        "donor": (DonorKind.ORGANISATION, "Эл аралык өнүктүрүү уюму", "Международная организация развития", ""),
        "title_ky": "Мигранттар үчүн маалымат-консультация борборун жабдуу",
        "title_ru": "Оснащение информационно-консультационного центра для мигрантов",
        "purpose_ky": "Борборду компьютердик техника менен жабдуу жана кызматкерлерди окутуу.",
        "purpose_ru": "Оснащение центра компьютерной техникой и обучение сотрудников.",
        "amount": D("120000.00"),
        "currency": "USD",
        "account": "4402011001000871",
        "lines": [("01", "Жабдуулар", "Оборудование", D("80000.00")), ("02", "Окутуу", "Обучение", D("40000.00"))],
        "tranches": [(D("60000.00"), -200), (D("60000.00"), 45)],  # (amount, days from today: past is received)
        "expenditures": [
            ("01", D("35250.40"), "USD", None, -150, "Компьютерлер жана серверлер"),
            ("02", D("812500.00"), "KGS", D("0.011460"), -90, "Окутуу семинары (сом менен төлөнгөн)"),
        ],
        "report": ("Жарым жылдык каржылык отчёт", "Полугодовой финансовый отчёт", 25),
    },
    {
        "donor": (
            DonorKind.STATE,
            "Өнөктөш мамлекеттин өнүктүрүү агенттиги",
            "Агентство развития государства-партнёра",
            "",
        ),
        "title_ky": "Миграциялык каттоону санариптештирүү",
        "title_ru": "Цифровизация миграционного учёта",
        "purpose_ky": "Каттоо маалыматтарын электрондук системага которуу.",
        "purpose_ru": "Перевод учётных сведений в электронную систему.",
        "amount": D("75000.00"),
        "currency": "EUR",
        "account": "4402011001000872",
        "lines": [("01", "Программалык камсыздоо", "Программное обеспечение", D("75000.00"))],
        "tranches": [(D("30000.00"), -60), (D("45000.00"), 120)],
        "expenditures": [("01", D("12400.00"), "EUR", None, -30, "Программаны иштеп чыгуунун биринчи этабы")],
        "report": ("Донорго аралык отчёт", "Промежуточный отчёт донору", 60),
    },
]


def load(subdivisions: dict) -> list[Grant]:
    if Grant.objects.exists():
        return list(Grant.objects.all())
    users = get_user_model().objects
    keeper = users.get(username="grants_officer")
    chairman = users.get(username="chairman")
    today = timezone.localdate()
    subdivision = subdivisions.get("finance") or next(iter(subdivisions.values()))
    made = []
    for spec in GRANTS:
        kind, name_ky, name_ru, country = spec["donor"]
        donor = services.donor_save(
            actor=keeper, donor=Donor(kind=kind, name_ky=name_ky, name_ru=name_ru, country=country)
        )
        grant = services.grant_save(
            actor=keeper,
            grant=Grant(
                donor=donor,
                title_ky=spec["title_ky"],
                title_ru=spec["title_ru"],
                purpose_ky=spec["purpose_ky"],
                purpose_ru=spec["purpose_ru"],
                amount=spec["amount"],
                currency=spec["currency"],
                starts_on=today - 240 * DAY,
                ends_on=today + 500 * DAY,
                treasury_account=spec["account"],
                subdivision=subdivision,
            ),
        )
        lines = {}
        for code, line_ky, line_ru, amount in spec["lines"]:
            lines[code] = services.budget_line_save(
                actor=keeper, line=BudgetLine(grant=grant, code=code, name_ky=line_ky, name_ru=line_ru, amount=amount)
            )
        grant = services.grant_sign(grant=grant, actor=keeper, date=today - 230 * DAY)
        grant = services.grant_activate(grant=grant, actor=keeper)
        first = None
        for number, (amount, days) in enumerate(spec["tranches"], 1):
            tranche = services.tranche_expect(
                actor=keeper,
                grant=grant,
                number=number,
                expected_on=today + days * DAY,
                expected_amount=amount,
                controller=chairman,
            )
            if days < 0:
                tranche = services.tranche_receive(
                    actor=keeper,
                    tranche=tranche,
                    received_on=today + days * DAY,
                    amount=amount,
                    currency=grant.currency,
                )
                first = first or tranche
        for code, amount, currency, rate, days, description in spec["expenditures"]:
            services.expenditure_record(
                actor=keeper,
                grant=grant,
                line=lines[code],
                tranche=first,
                date=today + days * DAY,
                amount=amount,
                currency=currency,
                rate=rate,
                rate_date=today + days * DAY if rate else None,
                description=description,
            )
        title_ky, title_ru, days = spec["report"]
        services.report_schedule(
            actor=keeper,
            grant=grant,
            title_ky=title_ky,
            title_ru=title_ru,
            due_on=today + days * DAY,
            controller=chairman,
        )
        made.append(grant)
    return made
