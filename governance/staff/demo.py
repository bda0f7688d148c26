"""A staffing table in force, a draft of next year's in approval, about sixty employees appointed by
signed personnel orders (the leadership, on nomenclature posts, by the Prime Minister's orders), and a
few personnel actions at several stages, among them a proposal to the Prime Minister still pending."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model

from governance.orders import services as order_services
from governance.orders.models import Series
from governance.staff import selectors, services
from governance.staff.enums import ActionKind, ExternalActKind
from governance.staff.models import Employee, PersonnelAction, StaffingTable
from governance.structure.demo import positions
from governance.structure.enums import ClassRank

START = datetime.date(2026, 1, 1)
NEXT = datetime.date(2027, 1, 1)

# subdivision → (position, units); every other subdivision: a head of division and its specialists
LEADERSHIP = [("chairman", 1), ("deputy", 3), ("state-secretary", 1)]
DIVISION = [("head-division", 1), ("chief", 2), ("leading", 2), ("specialist", 2)]
SPECIAL = {
    "leadership": LEADERSHIP,
    "labour-migration": [("head-department", 1), ("chief", 2), ("leading", 1)],
    "osh-office": [("head-department", 1), ("chief", 2), ("leading", 3), ("specialist", 3)],
    "representation-ru": [("representative", 1), ("chief", 1), ("leading", 2)],
}

SURNAMES = [
    ("Абдыкадыров", "Абдыкадырова"),
    ("Жумабеков", "Жумабекова"),
    ("Осмонов", "Осмонова"),
    ("Касымов", "Касымова"),
    ("Мамытов", "Мамытова"),
    ("Асанов", "Асанова"),
    ("Бейшеев", "Бейшеева"),
    ("Турдубаев", "Турдубаева"),
    ("Садыков", "Садыкова"),
    ("Токтосунов", "Токтосунова"),
    ("Алиев", "Алиева"),
    ("Исаков", "Исакова"),
]
MEN = ["Азамат", "Бакыт", "Нурлан", "Эрлан", "Канат", "Талант", "Улан", "Марат", "Руслан", "Алмаз"]
WOMEN = ["Гүлнара", "Жылдыз", "Салтанат", "Мээрим", "Динара", "Айгерим", "Асель", "Чолпон", "Назгүл", "Бермет"]
FATHERS = [("Асан", "Асанович", "Асановна"), ("Эркин", "Эркинович", "Эркиновна"), ("Марат", "Маратович", "Маратовна")]


def person(number: int) -> tuple[str, str]:
    """A name in Kyrgyz (the patronymic as "… уулу / кызы") and in Russian ("…ович / …овна")."""
    woman = number % 2 == 1
    surname = SURNAMES[number % len(SURNAMES)][1 if woman else 0]
    first = (WOMEN if woman else MEN)[(number // 2) % 10]
    father, son_of, daughter_of = FATHERS[(number // 7) % len(FATHERS)]
    ky = f"{surname} {first} {father} {'кызы' if woman else 'уулу'}"
    ru = f"{surname} {first} {daughter_of if woman else son_of}"
    return ky, ru


def _rows(subdivisions, posts):
    rows = []
    for code, subdivision in subdivisions.items():
        if subdivision.valid_to is not None and subdivision.valid_to < START:
            continue
        for key, units in SPECIAL.get(code, DIVISION):
            rows.append((subdivision, posts[key], units, posts[key].salary_rate))
    return rows


def _sign(order, drafter, users):
    order = order_services.order_submit(order=order, actor=drafter)
    for approval in list(order.approvals.all()):
        order = order_services.order_approve(order=order, actor=approval.approver, comment="Каршылык жок.")
    return order_services.order_sign(order=order, actor=users["chairman"])


def _appointed_by_prime_minister(action, hr, number: int) -> None:
    """The leadership sits on nomenclature posts: the Prime Minister's order appoints them."""
    services.personnel_action_record_external(
        actor=hr,
        action=action,
        act_kind=ExternalActKind.PRIME_MINISTER_ORDER,
        act_issuer="Кыргыз Республикасынын Премьер-министри",
        act_number=f"{number}-р",
        act_date=START - datetime.timedelta(days=3),
        act_title_ky=f"{action.position.title_ky} кызматына дайындоо жөнүндө",
        act_title_ru=f"О назначении на должность «{action.position.title_ru}»",
    )


def load(subdivisions: dict) -> list[Employee]:
    if StaffingTable.objects.exists():
        return list(Employee.objects.all())
    users = {u.username: u for u in get_user_model().objects.filter(is_active=True)}
    hr, secretary = users["hr_officer"], users["state_secretary"]
    main, personnel = Series.objects.get(code="main"), Series.objects.get(code="personnel")
    posts = positions()
    rows = _rows(subdivisions, posts)
    units = sum(row[2] for row in rows)
    monthly = sum(row[2] * row[3] for row in rows)
    for year, extra in ((START.year, 0), (NEXT.year, 6)):
        services.wage_limit_set(
            actor=hr, year=year, staff_limit=units + 4 + extra, wage_fund=(monthly * 12 * Decimal("1.08")).quantize(1)
        )

    table = services.staffing_table_create(
        actor=hr, title="2026-жылдын штаттык ырааттамасы", effective_from=START, rows=rows
    )
    table = services.staffing_table_propose(actor=hr, table=table, series=main, approvers=[secretary])
    _sign(table.order, hr, users)

    # About sixty employees: every unit of the table but a few vacancies and the leadership's.
    accounts = {"chairman": "chairman", "deputy": "deputy_chairman", "state-secretary": "state_secretary"}
    employees, appointments, number = [], [], 0
    for subdivision, position, count, _salary in rows:
        key = next(k for k, p in posts.items() if p == position)
        for unit in range(count):
            if key == "specialist" and unit == 1:
                continue  # a vacancy
            if key == "deputy" and unit == 2:
                continue  # a vacancy, for which a proposal to the Prime Minister is pending
            number += 1
            ky, ru = person(number)
            user = users.get(accounts.get(key, "")) if unit == 0 else None
            if user is not None:
                ky, ru = (f"{user.last_name} {user.first_name}",) * 2
            if subdivision.code == "hr" and key == "chief" and unit == 0:
                user = hr
                ky, ru = (f"{hr.last_name} {hr.first_name}",) * 2
            if subdivision.code == "legal" and key == "head-division":
                user = users["head_of_subdivision"]
                ky, ru = (f"{user.last_name} {user.first_name}",) * 2
            employee = services.employee_create(
                actor=hr,
                full_name_ky=ky,
                full_name_ru=ru,
                personnel_number=f"{number:04d}",
                phone=f"+996 312 66 {number:02d} {number % 10}0",
                email=user.email if user else "",
                user=user,
            )
            employees.append(employee)
            action = services.personnel_action_propose(
                actor=hr,
                employee=employee,
                kind=ActionKind.APPOINTMENT,
                date=START,
                subdivision=subdivision,
                position=position,
                grounds_ky="Ачык сынактын жыйынтыгы" if not position.on_nomenclature else "Төраганын сунушу",
                grounds_ru="Итоги открытого конкурса" if not position.on_nomenclature else "Представление председателя",
            )
            if position.on_nomenclature:
                _appointed_by_prime_minister(action, hr, 500 + number)
            else:
                appointments.append(action)
    for first in range(0, len(appointments), 20):
        order = services.personnel_order_draft(
            actor=hr, actions=appointments[first : first + 20], series=personnel, approvers=[secretary]
        )
        _sign(order, hr, users)

    # The vacant third post of a deputy: the chairman's proposal to the Prime Minister is pending.
    candidate = services.employee_create(
        actor=hr,
        full_name_ky="Сыдыков Бакыт Эркин уулу",
        full_name_ru="Сыдыков Бакыт Эркинович",
        personnel_number=f"{number + 1:04d}",
    )
    services.personnel_action_propose(
        actor=hr,
        employee=candidate,
        kind=ActionKind.APPOINTMENT,
        date=datetime.date(2026, 12, 15),
        subdivision=subdivisions["leadership"],
        position=posts["deputy"],
        grounds_ky="Төраганын сунушу",
        grounds_ru="Представление председателя",
    )

    # Personnel actions at several stages: a transfer in effect, an acting in effect, a transfer in
    # an order under approval, a dismissal still a bare proposal.
    def act(employee, kind, day, subdivision=None, position=None, grounds=("Арызы", "Заявление")):
        return services.personnel_action_propose(
            actor=hr,
            employee=employee,
            kind=kind,
            date=day,
            subdivision=subdivision,
            position=position,
            grounds_ky=grounds[0],
            grounds_ru=grounds[1],
        )

    in_legal = [a.employee for a in appointments if a.subdivision.code == "legal" and a.position == posts["leading"]]
    in_quota = [a.employee for a in appointments if a.subdivision.code == "quota" and a.position == posts["chief"]]
    moved = act(in_legal[0], ActionKind.TRANSFER, datetime.date(2026, 4, 1), subdivisions["hr"], posts["specialist"])
    acting = act(
        in_quota[0],
        ActionKind.ACTING,
        datetime.date(2026, 9, 1),
        subdivisions["labour-migration"],
        posts["head-department"],
        ("Башкармалыктын башчысынын эмгек өргүүсү", "Ежегодный отпуск начальника управления"),
    )
    _sign(
        services.personnel_order_draft(actor=hr, actions=[moved, acting], series=personnel, approvers=[secretary]),
        hr,
        users,
    )
    pending = act(
        in_quota[1], ActionKind.TRANSFER, datetime.date(2026, 12, 15), subdivisions["legal"], posts["leading"]
    )
    order = services.personnel_order_draft(actor=hr, actions=[pending], series=personnel, approvers=[secretary])
    order_services.order_submit(order=order, actor=hr)
    leaving = [
        a.employee for a in appointments if a.subdivision.code == "osh-office" and a.position == posts["leading"]
    ]
    act(
        leaving[0],
        ActionKind.DISMISSAL,
        datetime.date(2026, 12, 31),
        grounds=("Өз каалоосу боюнча арызы", "Заявление по собственному желанию"),
    )

    # Class ranks: the agency's periods, and the ranks of the first employees, conferred years ago by
    # external acts and since this year by the agency's personnel order.
    periods = [
        (ClassRank.JUNIOR_INSPECTOR, 1),
        (ClassRank.INSPECTOR_3, 1),
        (ClassRank.INSPECTOR_2, 2),
        (ClassRank.INSPECTOR_1, 2),
        (ClassRank.ADVISER_3, 2),
        (ClassRank.ADVISER_2, 3),
        (ClassRank.ADVISER_1, 3),
        (ClassRank.COUNSELLOR_3, 3),
        (ClassRank.COUNSELLOR_2, 3),
    ]
    for rank, years in periods:
        services.rank_period_set(actor=hr, rank=rank, years=years)
    first_order = PersonnelAction.objects.select_related("order").get(pk=appointments[0].pk).order
    for index, employee in enumerate(employees[4:16]):
        first = [ClassRank.INSPECTOR_3, ClassRank.INSPECTOR_2, ClassRank.ADVISER_3][index % 3]
        since = datetime.date(2022 + index % 4, 1 + index % 12, 10)
        services.rank_confer(
            actor=hr,
            employee=employee,
            rank=first,
            date=since,
            basis_act=f"Мамлекеттик кызмат иштери боюнча агенттиктин {since:%d.%m.%Y} № {100 + index} буйругу",
        )
        if index % 4 == 0:
            services.rank_confer(
                actor=hr, employee=employee, rank=selectors.next_rank(first), date=START, basis_order=first_order
            )

    # Next year's version: two more specialists in the information-consultation centre, in approval.
    draft = services.staffing_table_create(
        actor=hr, title="2027-жылдын штаттык ырааттамасы", effective_from=NEXT, based_on=table
    )
    services.staffing_row_set(
        actor=hr,
        table=draft,
        subdivision=subdivisions["info-centre"],
        position=posts["specialist"],
        units=4,
        monthly_salary=posts["specialist"].salary_rate,
    )
    draft = services.staffing_table_propose(actor=hr, table=draft, series=main, approvers=[secretary])
    order_services.order_submit(order=draft.order, actor=hr)
    return employees
