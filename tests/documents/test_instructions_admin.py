"""The instructions in the admin: the list narrowed by the policy, the filters, the inspect page,
the action buttons, the create form, the discipline report and the dashboard panel."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.instructions import services
from documents.instructions.enums import InstructionStatus
from documents.instructions.models import Instruction
from tests.documents.instruction_factories import People, in_days, issue, reported

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/documents/instruction/"
ONE_DAY = datetime.timedelta(days=1)


@pytest.fixture
def people(roles):
    return People()


def inspect(instruction):
    return f"{LIST}inspect/{instruction.pk}/"


def transition(instruction, action):
    return f"{LIST}transition/{instruction.pk}/{action}/"


def rows(response) -> set[int]:
    return {
        int(pk)
        for pk in re.findall(
            r"/admin/snippets/documents/instruction/(?:edit|inspect)/(\d+)/", response.content.decode()
        )
    }


def test_the_list_shows_what_the_policy_lets_each_user_see(client, people):
    mine = issue(people, title="Менин тапшырмам")
    other = issue(people, title="Башка тапшырма", executor=people.records, co_executors=[])

    client.force_login(people.executor)
    assert rows(client.get(LIST)) == {mine.pk}
    client.force_login(people.chairman)
    assert rows(client.get(LIST)) == {mine.pk, other.pk}
    client.force_login(people.stranger)
    assert rows(client.get(LIST)) == set()
    assert client.get(inspect(mine)).status_code in (302, 403)


def test_the_filters_mine_on_my_control_and_due_this_week(client, people):
    mine = issue(people, deadline=in_days(30))
    controlled = issue(people, executor=people.clerk, co_executors=[], controller=people.executor, deadline=in_days(30))
    client.force_login(people.executor)

    assert rows(client.get(LIST, {"show": "mine"})) == {mine.pk}
    assert rows(client.get(LIST, {"show": "control"})) == {controlled.pk}
    assert rows(client.get(LIST, {"show": "overdue"})) == set()
    assert rows(client.get(LIST, {"show": "week"})) == set()


def test_the_list_takes_as_many_queries_for_5_as_for_60_instructions(client, people):
    client.force_login(people.chairman)

    def queries(count):
        template = issue(people)
        Instruction.objects.bulk_create(
            Instruction(
                author=people.chairman,
                text=f"Тапшырма {n}",
                executor=people.executor,
                controller=people.controller,
                deadline_unit=template.deadline_unit,
                deadline_base=template.deadline_base,
                deadline_days=template.deadline_days,
                initial_deadline=template.deadline,
                deadline=template.deadline,
            )
            for n in range(Instruction.objects.count(), count)
        )
        client.get(LIST)  # warm the caches
        with CaptureQueriesContext(connection) as captured:
            response = client.get(LIST)
        assert len(rows(response)) == min(count, 50)
        return len(captured)

    assert queries(5) == queries(60)


def test_the_executor_reports_through_the_button_and_a_refusal_is_a_message_that_changes_nothing(client, people):
    instruction = issue(people)
    client.force_login(people.executor)

    page = client.get(inspect(instruction)).content.decode()
    assert 'data-action="report"' in page and 'data-action="accept"' not in page
    response = client.post(transition(instruction, "report"), {"text": "Аткарылды."}, follow=True)
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.REPORTED

    response = client.post(transition(instruction, "accept"), {"comment": ""}, follow=True)
    assert response.status_code == 200
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.REPORTED


def test_the_controller_returns_without_a_reason_and_is_told_why_not(client, people):
    instruction = reported(people)
    client.force_login(people.controller)

    response = client.post(transition(instruction, "return"), {"comment": " "}, follow=True)

    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.REPORTED
    client.post(transition(instruction, "accept"), {"comment": "Жакшы."})
    instruction.refresh_from_db()
    assert instruction.status == InstructionStatus.DONE


def test_an_extension_asked_with_a_bad_date_is_refused_with_a_message(client, people):
    instruction = issue(people)
    client.force_login(people.executor)

    response = client.post(
        transition(instruction, "request_extension"), {"deadline": "эртең", "reason": "Себеп"}, follow=True
    )
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    later = (instruction.deadline + 2 * datetime.timedelta(days=7)).isoformat()
    client.post(transition(instruction, "request_extension"), {"deadline": later, "reason": "Маалымат күтүлүүдө."})
    assert instruction.extensions.count() == 1


def test_the_create_form_issues_through_the_service(client, people):
    client.force_login(people.chairman)

    response = client.post(
        f"{LIST}add/",
        {
            "title": "Сунуштар",
            "text": "Ишеним телефону боюнча сунуштарды даярдоо.",
            "executor": people.executor.pk,
            "controller": people.controller.pk,
            "co_executors": [people.co_executor.pk],
            "days": "5",
            "working_days": "on",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    instruction = Instruction.objects.get()
    assert (instruction.author, instruction.deadline_days, instruction.deadline_unit) == (people.chairman, 5, "working")
    client.force_login(people.stranger)
    assert client.get(f"{LIST}add/").status_code in (302, 403)
    assert client.get(f"{LIST}edit/{instruction.pk}/").status_code in (302, 403)


def test_the_create_form_wants_a_date_or_days(client, people):
    client.force_login(people.chairman)

    response = client.post(
        f"{LIST}add/",
        {"text": "Текст", "executor": people.executor.pk, "controller": people.controller.pk},
    )

    assert response.status_code == 200
    assert not Instruction.objects.exists()


def test_the_discipline_report_is_for_the_leadership_and_the_records_office(client, people):
    late = issue(people, deadline=in_days(3))
    client.force_login(people.records)

    response = client.get(f"{LIST}discipline/", {"first": in_days(0).isoformat(), "last": in_days(30).isoformat()})

    assert response.status_code == 200
    assert response.context["rows"][0].total == 1
    client.force_login(people.executor)
    assert client.get(f"{LIST}discipline/").status_code in (302, 403)
    assert late.pk


def test_the_dashboard_lists_my_instructions_due(client, people):
    instruction = issue(people, title="Менин мөөнөтүм")
    client.force_login(people.executor)

    assert instruction.title in client.get("/admin/").content.decode()
    services.instruction_report(instruction=instruction, actor=people.executor, text="Аткарылды.")
    client.force_login(people.clerk)
    assert instruction.title not in client.get("/admin/").content.decode()


def test_an_executor_without_the_right_to_issue_gives_a_sub_instruction_from_the_inspect_page(client, people):
    parent = issue(people, executor=people.clerk, co_executors=[], deadline=in_days(20))
    client.force_login(people.clerk)
    assert client.get(f"{LIST}add/").status_code in (302, 403)  # no instruction of one's own

    page = client.get(inspect(parent)).content.decode()
    assert f"add/?parent={parent.pk}" in page
    assert client.get(f"{LIST}add/", {"parent": parent.pk}).status_code == 200
    response = client.post(
        f"{LIST}add/?parent={parent.pk}",
        {
            "parent": parent.pk,
            "text": "Маалыматты чогултуу.",
            "executor": people.co_executor.pk,
            "controller": people.clerk.pk,
            "deadline": (parent.deadline - datetime.timedelta(days=2)).isoformat(),
        },
    )

    assert response.status_code == 302
    child = Instruction.objects.get(parent=parent)
    assert (child.author, child.executor) == (people.clerk, people.co_executor)
    client.force_login(people.stranger)
    assert client.get(f"{LIST}add/", {"parent": parent.pk}).status_code in (302, 403)


def test_the_list_searches_titles_and_texts(client, people):
    found = issue(people, title="Жылдык баяндама")
    issue(people, title="Ишеним телефону")
    client.force_login(people.chairman)

    assert rows(client.get(LIST, {"q": "баяндама"})) == {found.pk}
