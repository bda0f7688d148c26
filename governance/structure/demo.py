"""The agency's structure: its subdivisions (one of them closed, to show the structure on a past
date), their heads' positions, and the positions the staffing table counts."""

import datetime
from decimal import Decimal

from governance.structure.enums import ClassRank, PositionCategory, PositionGroup, SubdivisionKind
from governance.structure.models import Position, Subdivision

SUBDIVISIONS = [
    # code, parent code, kind, Kyrgyz name, Russian name
    ("leadership", None, SubdivisionKind.DIVISION, "Жетекчилик", "Руководство"),
    ("legal", None, SubdivisionKind.DIVISION, "Юридикалык бөлүм", "Юридический отдел"),
    (
        "labour-migration",
        None,
        SubdivisionKind.DEPARTMENT,
        "Эмгек миграциясы башкармалыгы",
        "Управление трудовой миграции",
    ),
    ("quota", "labour-migration", SubdivisionKind.DIVISION, "Квота белгилөө бөлүмү", "Отдел квотирования"),
    ("hr", None, SubdivisionKind.DIVISION, "Кадр иштери бөлүмү", "Отдел кадров"),
    ("records", None, SubdivisionKind.DIVISION, "Иш кагаздарын жүргүзүү бөлүмү", "Отдел делопроизводства"),
    (
        "info-centre",
        None,
        SubdivisionKind.CENTRE,
        "Маалыматтык-консультациялык борбор",
        "Информационно-консультационный центр",
    ),
    (
        "representation-ru",
        None,
        SubdivisionKind.REPRESENTATION_ABROAD,
        "Россия Федерациясындагы өкүлчүлүк",
        "Представительство в Российской Федерации",
    ),
    (
        "registration",
        None,
        SubdivisionKind.DEPARTMENTAL,
        "Мигранттарды каттоо боюнча ведомстволук бөлүм",
        "Ведомственное подразделение по регистрации мигрантов",
    ),
    (
        "osh-office",
        None,
        SubdivisionKind.TERRITORIAL,
        "Ош шаарындагы аймактык башкармалык",
        "Территориальное управление в городе Ош",
    ),
    ("analytics", None, SubdivisionKind.DIVISION, "Аналитика бөлүмү", "Аналитический отдел"),
]
# Subdivisions that did not always exist: (from, until).
DATES = {
    "analytics": (datetime.date(2020, 1, 1), datetime.date(2025, 12, 31)),
    "registration": (datetime.date(2026, 1, 1), None),
}

# key, Kyrgyz title, Russian title, category, group, class rank, salary rate, on the nomenclature
P, S, A = PositionCategory.POLITICAL, PositionCategory.SPECIAL, PositionCategory.ADMINISTRATIVE
G, R = PositionGroup, ClassRank
POSITIONS = [
    ("chairman", "Төрага", "Председатель", P, "", "", "150000", True),
    ("deputy", "Төраганын орун басары", "Заместитель председателя", P, "", "", "120000", True),
    ("state-secretary", "Статс-катчы", "Статс-секретарь", S, "", "", "110000", True),
    ("head-department", "Башкармалыктын башчысы", "Начальник управления", A, G.MAIN, R.COUNSELLOR_3, "70000", False),
    ("head-division", "Бөлүм башчысы", "Заведующий отделом", A, G.MAIN, R.ADVISER_1, "60000", False),
    ("representative", "Өкүл", "Представитель", A, G.MAIN, R.ADVISER_1, "80000", False),
    ("chief", "Башкы адис", "Главный специалист", A, G.SENIOR, R.ADVISER_3, "45000", False),
    ("leading", "Жетектөөчү адис", "Ведущий специалист", A, G.SENIOR, R.INSPECTOR_1, "38000", False),
    ("specialist", "Адис", "Специалист", A, G.JUNIOR, R.INSPECTOR_3, "30000", False),
]
HEADS = {
    "leadership": "chairman",
    "labour-migration": "head-department",
    "osh-office": "head-department",
    "representation-ru": "representative",
}


def positions() -> dict[str, Position]:
    found = {}
    for key, title_ky, title_ru, category, group, rank, rate, nomenclature in POSITIONS:
        found[key], _ = Position.objects.update_or_create(
            title_ky=title_ky,
            defaults={
                "title_ru": title_ru,
                "category": category,
                "group": group,
                "class_rank": rank,
                "salary_rate": Decimal(rate),
                "on_nomenclature": nomenclature,
            },
        )
    return found


def load() -> dict[str, Subdivision]:
    posts = positions()
    subdivisions: dict[str, Subdivision] = {}
    for order, (code, parent, kind, name_ky, name_ru) in enumerate(SUBDIVISIONS):
        subdivisions[code], _ = Subdivision.objects.update_or_create(
            code=code,
            defaults={
                "parent": subdivisions.get(parent),
                "kind": kind,
                "name_ky": name_ky,
                "name_ru": name_ru,
                "sort_order": order * 10,
                "head_position": posts[HEADS.get(code, "head-division")],
                "valid_from": DATES.get(code, (None, None))[0],
                "valid_to": DATES.get(code, (None, None))[1],
            },
        )
    return subdivisions
