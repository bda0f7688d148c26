import pytest
from django.core.management import call_command

from documents.instructions.models import Instruction
from governance.bodies import selectors
from governance.bodies.models import Body, Decision, Minutes

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_valid_collegium_a_held_meeting_with_signed_minutes_and_an_open_agenda():
    call_command("load_demo")

    collegium = Body.objects.get(code="collegium")
    assert selectors.composition_problems(collegium) == []
    assert set(Body.objects.values_list("kind", flat=True)) == {"collegium", "public_council", "working_group"}
    held, upcoming = collegium.meetings.order_by("starts_at")
    assert Minutes.objects.get(meeting=held).status == "signed"
    assert list(Decision.objects.values_list("number", flat=True)) == [1, 2]
    assert Instruction.objects.filter(title__startswith="№ 1").exists()
    first = upcoming.items.order_by("position").first()
    assert first.approves_minutes_of == held and upcoming.status == "planned"
