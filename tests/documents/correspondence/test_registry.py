"""Registration: numbers per kind and year, file versions, the frozen record with its digests and
its card, links between documents, and bad input that changes nothing."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from docx import Document

from documents import registration
from documents.correspondence import services
from documents.correspondence.enums import Status
from documents.correspondence.models import Correspondence, CorrespondenceFile
from tests.conftest import on_postgresql
from tests.documents.correspondence.factories import PDF, People, docx_bytes, draft, registered, with_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(roles):
    return People()


def test_numbers_run_per_kind_and_year(people):
    year = timezone.localdate().year
    first = registered(people)
    second = registered(people)
    outgoing = registered(people, kind="outgoing", correspondent="Тышкы иштер министрлиги")
    internal = registered(people, kind="internal", correspondent="Каржы бөлүмү")
    assert [first.number_display, second.number_display] == [f"К-{year}/1", f"К-{year}/2"]
    assert outgoing.number_display == f"Ч-{year}/1"
    assert internal.number_display == f"И-{year}/1"
    assert first.registered_on == timezone.localdate()


def test_every_upload_is_kept_and_the_last_is_registered_with_its_digest(people):
    document = draft(people)
    with_file(people, document, docx_bytes("Биринчи вариант"), "v1.docx")
    with_file(people, document, PDF, "v2.pdf")
    document = services.correspondence_register(actor=people.records, document=document)

    versions = list(document.files.order_by("version"))
    assert [(v.version, v.name) for v in versions] == [(1, "v1.docx"), (2, "v2.pdf")]
    assert document.registered_version == 2
    assert all(len(v.sha256) == 64 for v in versions)
    assert registration.verify(document).ok

    with pytest.raises(PermissionDenied):  # the file of a registered document is frozen
        with_file(people, document, PDF, "v3.pdf")
    assert document.files.count() == 2


def test_a_registered_document_and_its_files_are_frozen(people):
    document = registered(people)
    document.subject = "Башка тема"
    with pytest.raises(ValidationError):
        document.save()
    with pytest.raises(ValidationError):
        document.files.first().delete()
    with pytest.raises(ValidationError):
        Correspondence.objects.get(pk=document.pk).delete()
    if on_postgresql():
        with pytest.raises(IntegrityError), transaction.atomic():
            Correspondence.objects.filter(pk=document.pk).update(subject="Башка")
        with pytest.raises(IntegrityError), transaction.atomic():
            CorrespondenceFile.objects.filter(correspondence=document).update(name="x.pdf")
    else:
        Correspondence.objects.filter(pk=document.pk).update(subject="Башка")
        assert not registration.verify(Correspondence.objects.get(pk=document.pk)).content_ok


def test_the_card_prints_the_registration_data(people):
    document = registered(people)
    with document.document.open("rb") as stored:
        card = Document(io.BytesIO(stored.read()))
    texts = [p.text for p in card.paragraphs] + [cell.text for t in card.tables for row in t.rows for cell in row.cells]
    assert "РЕГИСТРАЦИОННО-КОНТРОЛЬНАЯ КАРТОЧКА ВХОДЯЩЕГО ДОКУМЕНТА" in texts
    assert document.number_display in texts
    assert "30.11.2026 № 12-3/456" in texts
    assert document.subject in texts
    assert "Резолюция / Резолюция" in texts


def test_a_document_without_a_file_is_not_registered(people):
    document = draft(people)
    with pytest.raises(ValidationError):
        services.correspondence_register(actor=people.records, document=document)
    document.refresh_from_db()
    assert document.status == Status.DRAFT and document.number is None


def test_a_file_that_is_not_a_document_is_refused_and_nothing_is_kept(people):
    document = draft(people)
    with pytest.raises(ValidationError):
        services.correspondence_upload(actor=people.records, document=document, name="x.pdf", data=b"MZ\x90\x00")
    assert not document.files.exists()


def test_links_point_only_to_registered_documents_never_to_itself(people):
    earlier = draft(people)
    with pytest.raises(ValidationError) as refused:
        draft(people, kind="outgoing", reply_to=earlier)
    assert "reply_to" in refused.value.message_dict
    earlier = registered(people)
    answer = registered(people, kind="outgoing", reply_to=earlier)
    follow = registered(people, follows_from=earlier)
    assert list(earlier.replies.all()) == [answer]
    assert list(earlier.followed_by.all()) == [follow]
    own = draft(people)
    own.follows_from = own
    with pytest.raises(ValidationError):
        services.correspondence_save(actor=people.records, document=own)


def test_only_the_records_office_registers(people):
    document = with_file(people, draft(people))
    for user in (people.chairman, people.head, people.stranger):
        with pytest.raises(PermissionDenied):
            services.correspondence_register(actor=user, document=document)
    with pytest.raises(PermissionDenied):
        services.correspondence_save(actor=people.chairman, document=Correspondence(kind="incoming"))
    document.refresh_from_db()
    assert document.status == Status.DRAFT
