import datetime

import pytest

from governance.structure.selectors import structure_compare, structure_on
from tests.factories import SubdivisionFactory

pytestmark = pytest.mark.django_db


def test_the_structure_on_a_past_date_and_its_comparison_with_today():
    centre = SubdivisionFactory(code="centre", valid_from=datetime.date(2020, 1, 1))
    old = SubdivisionFactory(
        code="old", parent=centre, valid_from=datetime.date(2020, 1, 1), valid_to=datetime.date(2023, 12, 31)
    )
    new = SubdivisionFactory(code="new", parent=centre, valid_from=datetime.date(2024, 1, 1))
    SubdivisionFactory(code="future", valid_from=datetime.date(2999, 1, 1))

    past = structure_on(datetime.date(2022, 6, 1))
    today = structure_on(datetime.date.today())

    assert [(node.subdivision.code, node.depth) for node in past] == [("centre", 0), ("old", 1)]
    assert [(node.subdivision.code, node.depth) for node in today] == [("centre", 0), ("new", 1)]
    change = structure_compare(datetime.date(2022, 6, 1), datetime.date.today())
    assert change.added == [new] and change.removed == [old]
    assert structure_on(datetime.date(2019, 1, 1)) == []
