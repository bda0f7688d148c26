import datetime

from django.utils import timezone

from documents.instructions import services
from tests.factories import UserFactory


class People:
    """The people of an instruction, with their roles, and a stranger to it."""

    def __init__(self):
        self.chairman = UserFactory(username="chairman", roles=["chairman"])
        self.controller = UserFactory(username="controller", roles=["state_secretary"])
        self.executor = UserFactory(
            username="executor", first_name="Айгүл", last_name="Осмонова", roles=["head_of_subdivision"]
        )
        self.co_executor = UserFactory(username="co_executor", roles=["head_of_subdivision"])
        self.clerk = UserFactory(username="clerk", roles=["collegium_secretary"])
        self.records = UserFactory(username="records", roles=["records_officer"])
        self.stranger = UserFactory(username="stranger", roles=["editor"])


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def issue(people, **overrides):
    fields = {
        "actor": people.chairman,
        "text": "Эмгек мигранттары үчүн ишеним телефонун ачуу боюнча сунуштарды даярдоо.",
        "executor": people.executor,
        "co_executors": [people.co_executor],
        "controller": people.controller,
        "days": 10,
    }
    if "deadline" in overrides:
        del fields["days"]
    fields.update(overrides)
    return services.instruction_create(**fields)


def reported(people, **overrides):
    instruction = issue(people, **overrides)
    return services.instruction_report(instruction=instruction, actor=people.executor, text="Сунуштар даярдалды.")
