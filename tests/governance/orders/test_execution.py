"""Orders' points put under control: the first module to create instructions."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documents.instructions.enums import DeadlineUnit
from documents.instructions.models import Instruction
from governance.orders import services
from tests.factories import UserFactory
from tests.governance.orders.factories import People, draft, signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def test_the_chairman_puts_a_point_of_a_signed_order_under_control(people):
    order = signed(people)
    point = order.points.order_by("sort_order").last()
    executor = UserFactory(username="executor", roles=["head_of_subdivision"])

    instruction = services.order_point_instruct(
        point=point, actor=people.chairman, executor=executor, controller=people.secretary, days=10
    )

    assert instruction.subject == point
    assert list(Instruction.objects.for_subject(point)) == [instruction]
    assert instruction.text == point.text_ky  # the point's text, in the reader's language
    assert order.number_display in instruction.title and "2-пункту" in instruction.title  # in Kyrgyz, the default
    assert instruction.deadline_unit == DeadlineUnit.WORKING_DAYS
    assert instruction.deadline > timezone.localdate() + datetime.timedelta(days=10)
    assert (instruction.author, instruction.controller) == (people.chairman, people.secretary)


def test_a_point_of_a_draft_is_not_put_under_control(people):
    point = draft(people).points.first()

    with pytest.raises(ValidationError) as refusal:
        services.order_point_instruct(
            point=point, actor=people.chairman, executor=people.lawyer, controller=people.secretary, days=5
        )

    assert refusal.value.code == "not_signed"
    assert not Instruction.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "hr"])
def test_someone_who_may_not_issue_instructions_is_refused(people, who):
    point = signed(people).points.first()

    with pytest.raises(PermissionDenied):
        services.order_point_instruct(
            point=point, actor=getattr(people, who), executor=people.lawyer, controller=people.secretary, days=5
        )

    assert not Instruction.objects.exists()
