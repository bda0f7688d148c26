"""Who reads a document: the records office, whoever a resolution assigns, the heads above the
executor's subdivision, the leadership; a confidential one only the people named on it."""

import pytest
from django.core.exceptions import PermissionDenied

from documents.correspondence import services
from documents.correspondence.models import Correspondence
from governance.access import policy
from governance.access.objects import grant
from tests.documents.correspondence.factories import People, draft, registered

pytestmark = pytest.mark.django_db
VIEW = "correspondence.view_correspondence"


@pytest.fixture
def people(roles):
    people = People()
    grant(people.head, "structure.change_subdivision", people.department)  # heads the department and its unit
    grant(people.other_head, "structure.change_subdivision", people.elsewhere)
    return people


def readers(people, document) -> set[str]:
    everyone = [
        people.records,
        people.chairman,
        people.head,
        people.other_head,
        people.executor,
        people.co_executor,
        people.stranger,
    ]
    by_rule = {user.username for user in everyone if policy.can(user, VIEW, document)}
    by_list = {
        user.username
        for user in everyone
        if policy.visible(user, VIEW, Correspondence.objects.all()).filter(pk=document.pk).exists()
    }
    assert by_rule == by_list  # the list and the card answer alike
    return by_rule


def _resolve(people, document, subdivision):
    return services.correspondence_resolve(
        actor=people.chairman,
        document=document,
        text="Кароо.",
        executor=people.executor,
        controller=people.chairman,
        days=3,
        subdivision=subdivision,
    )


def test_a_draft_is_read_by_the_records_office_only(people):
    assert readers(people, draft(people)) == {"records"}


def test_a_registered_document_is_read_by_the_office_and_the_leadership_until_it_is_assigned(people):
    document = registered(people)
    assert readers(people, document) == {"records", "chairman"}
    _resolve(people, document, people.unit)
    assert readers(people, document) == {"records", "chairman", "executor", "head"}


def test_a_head_of_another_subtree_does_not_read_it(people):
    document = registered(people)
    _resolve(people, document, people.department)
    assert "other_head" not in readers(people, document)
    assert "head" in readers(people, document)


def test_a_confidential_document_is_read_only_by_the_people_named(people):
    document = registered(people, confidential=True)
    assert readers(people, document) == {"records"}  # named when the officer created it
    services.correspondence_name_reader(actor=people.records, document=document, reader=people.chairman)
    assert readers(people, document) == {"records", "chairman"}
    _resolve(people, document, people.unit)
    assert readers(people, document) == {"records", "chairman", "executor"}  # the head above is not named


def test_an_officer_not_named_neither_reads_nor_names_readers_of_a_confidential_document(people):
    document = registered(people, confidential=True)
    colleague = type(people.records).objects.create(username="colleague")
    colleague.groups.add(*people.records.groups.all())
    assert not policy.can(colleague, VIEW, document)
    with pytest.raises(PermissionDenied):
        services.correspondence_name_reader(actor=colleague, document=document, reader=colleague)
    assert not policy.can(colleague, VIEW, document)
    with pytest.raises(PermissionDenied):
        services.correspondence_name_reader(actor=people.stranger, document=registered(people), reader=people.stranger)
