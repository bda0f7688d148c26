"""The answer to a citizen's appeal is an outgoing document in the appeal's language; registering
it (sending it) answers the appeal in the same transaction."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from documents.appeals.enums import Status as AppealStatus
from documents.correspondence import services
from documents.correspondence.enums import Status
from tests.documents.appeals.factories import appeal as submit
from tests.documents.correspondence.factories import People, draft, with_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def test_the_answer_is_drafted_in_the_appeals_language_and_registering_it_answers_the_appeal(people):
    appeal, _token = submit()
    answer = services.appeal_reply_draft(
        actor=people.records, appeal=appeal, subject="О разрешении на работу", summary="Перечень документов."
    )
    assert (answer.kind, answer.language, answer.correspondent, answer.appeal) == (
        "outgoing",
        "ru",
        appeal.name,
        appeal,
    )

    answer = services.correspondence_register(actor=people.records, document=with_file(people, answer))
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.ANSWERED
    assert appeal.answer.startswith(answer.number_display) and "Перечень документов." in appeal.answer
    assert list(appeal.answers.all()) == [answer]


def test_an_answer_in_another_language_is_refused_and_changes_nothing(people):
    appeal, _token = submit()
    answer = services.appeal_reply_draft(actor=people.records, appeal=appeal, subject="Уруксат жөнүндө")
    answer.language = "ky"
    services.correspondence_save(actor=people.records, document=answer)
    with pytest.raises(ValidationError) as refused:
        services.correspondence_register(actor=people.records, document=with_file(people, answer))
    assert "language" in refused.value.message_dict
    answer.refresh_from_db()
    appeal.refresh_from_db()
    assert (answer.status, answer.number, appeal.status) == (Status.DRAFT, None, AppealStatus.REGISTERED)


def test_only_an_outgoing_document_answers_an_appeal(people):
    appeal, _token = submit()
    with pytest.raises(ValidationError):
        draft(people, kind="incoming", appeal=appeal)
    with pytest.raises(PermissionDenied):  # the stranger may not process appeals
        services.appeal_reply_draft(actor=people.stranger, appeal=appeal, subject="Жооп")
