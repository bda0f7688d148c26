"""A handful of subdivisions: enough to see the structure tree and to grant rights on one."""

from governance.structure.enums import SubdivisionKind
from governance.structure.models import Subdivision

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
]


def load() -> dict[str, Subdivision]:
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
            },
        )
    return subdivisions
