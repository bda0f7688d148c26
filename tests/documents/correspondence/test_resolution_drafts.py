"""An assistant's draft resolution takes effect when the head approves it: the records office
prepares it for a head who may resolve the document, the head (or the deputy acting for the
chairman) approves it, and it becomes a resolution in the head's name; or the head returns it with
a remark. Every refusal changes nothing; only the readers of the document read the draft."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from documents import workdays
from documents.correspondence import selectors, services
from documents.correspondence.enums import DraftStatus
from documents.correspondence.models import ResolutionDraft
from documents.instructions.models import Instruction
from governance.access import policy
from governance.access.models import PolicyLogEntry
from governance.access.objects import grant, revoke
from governance.staff import services as staff
from tests.documents.correspondence.factories import People, registered
from tests.documents.correspondence.factories import draft as draft_document
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TEXT = "Министрликке жооп даярдап, мөөнөтүндө сунуштаңыз. Долбоордун сыры 7Q."
BASE = "/admin/snippets/correspondence/correspondence/"


@pytest.fixture
def people(roles):
    people = People()
    people.deputy = UserFactory(username="deputy", roles=["deputy_chairman"])
    grant(people.head, "structure.change_subdivision", people.department)
    return people


def later(days: int = 10) -> datetime.date:
    return workdays.on_working_day(timezone.localdate() + datetime.timedelta(days=days))


def prepare(people, document, **fields):
    values = {
        "actor": people.records,
        "document": document,
        "head": people.chairman,
        "responsible": people.executor,
        "co_executors": [people.co_executor],
        "text": TEXT,
        "deadline": later(),
        "subdivision": people.unit,
    }
    values.update(fields)
    return services.resolution_draft_prepare(**values)


def nothing_written(document, drafts: int = 0):
    assert ResolutionDraft.objects.count() == drafts
    assert not Instruction.objects.for_subject(document).exists()


def log_actions(document) -> list[str]:
    return list(PolicyLogEntry.objects.for_instance(document).order_by("pk").values_list("action", flat=True))


def test_the_records_office_prepares_a_draft_for_the_chairman(people):
    document = registered(people)
    draft = prepare(people, document)
    assert (draft.status, draft.head, draft.prepared_by) == (DraftStatus.DRAFT, people.chairman, people.records)
    assert list(draft.co_executors.all()) == [people.co_executor]
    assert draft.instruction is None
    assert not Instruction.objects.exists()  # nothing takes effect before the head approves
    assert log_actions(document)[-1] == "correspondence.resolution_draft_prepare"
    assert list(selectors.drafts_awaiting(people.chairman)) == [draft]
    assert list(selectors.drafts_awaiting(people.head)) == []


def test_approving_gives_the_resolution_in_the_heads_name_with_the_drafts_data(people):
    document = registered(people)
    draft = prepare(people, document)
    services.resolution_draft_approve(actor=people.chairman, draft=draft)
    draft.refresh_from_db()
    resolution = Instruction.objects.for_subject(document).get()
    assert draft.status == DraftStatus.APPROVED and draft.instruction == resolution
    assert (draft.decided_by, draft.decided_at is not None) == (people.chairman, True)
    assert (resolution.author, resolution.controller) == (people.chairman, people.chairman)
    assert (resolution.executor, resolution.text, resolution.deadline) == (people.executor, TEXT, draft.deadline)
    assert list(resolution.co_executors.all()) == [people.co_executor]
    assert resolution.subdivision == people.unit
    assert log_actions(document)[-2:] == ["correspondence.resolve", "correspondence.resolution_draft_approve"]
    assert list(selectors.drafts_awaiting(people.chairman)) == []


def test_a_deadline_on_a_day_off_moves_to_the_next_working_day(people):
    independence_day = datetime.date(2027, 8, 31)
    draft = prepare(people, registered(people), deadline=independence_day)
    assert draft.deadline == datetime.date(2027, 9, 1)


def test_returning_keeps_the_remark_and_gives_no_resolution(people):
    document = registered(people)
    draft = prepare(people, document)
    with pytest.raises(ValidationError):  # a return says why
        services.resolution_draft_return(actor=people.chairman, draft=draft, remark="  ")
    services.resolution_draft_return(actor=people.chairman, draft=draft, remark="Мөөнөттү кыскартыңыз.")
    draft.refresh_from_db()
    assert (draft.status, draft.remark, draft.decided_by) == (
        DraftStatus.RETURNED,
        "Мөөнөттү кыскартыңыз.",
        people.chairman,
    )
    assert not Instruction.objects.exists()
    assert log_actions(document)[-1] == "correspondence.resolution_draft_return"


def test_the_deputy_acting_for_the_chairman_approves_in_the_chairmans_name(people):
    document = registered(people)
    draft = prepare(people, document)
    with pytest.raises(PermissionDenied):  # a deputy without a delegation for today
        services.resolution_draft_approve(actor=people.deputy, draft=draft)
    today = timezone.localdate()
    staff.delegation_create(
        actor=people.chairman, delegate=people.deputy, date_from=today, date_to=today, basis="Буйрук №1"
    )
    assert list(selectors.drafts_awaiting(people.deputy)) == [draft]
    services.resolution_draft_approve(actor=people.deputy, draft=draft)
    draft.refresh_from_db()
    assert draft.decided_by == people.deputy
    assert draft.instruction.author == people.chairman


def test_a_draft_for_a_head_of_subdivision_is_theirs_alone_to_approve(people):
    document = registered(people)
    services.correspondence_resolve(
        actor=people.chairman,
        document=document,
        text="Кароо.",
        executor=people.executor,
        controller=people.chairman,
        days=3,
        subdivision=people.unit,
    )  # the head of the department now reads the document, and may resolve it
    draft = prepare(people, document, head=people.head)
    for someone in (people.chairman, people.records, people.other_head):
        with pytest.raises(PermissionDenied):
            services.resolution_draft_approve(actor=someone, draft=draft)
    services.resolution_draft_approve(actor=people.head, draft=draft)
    assert ResolutionDraft.objects.get().instruction.author == people.head


@pytest.mark.parametrize("who", ["records", "head", "executor", "stranger"])
def test_nobody_but_the_head_approves_or_returns(people, who):
    document = registered(people)
    draft = prepare(people, document)
    before = log_actions(document)
    with pytest.raises(PermissionDenied):
        services.resolution_draft_approve(actor=getattr(people, who), draft=draft)
    with pytest.raises(PermissionDenied):
        services.resolution_draft_return(actor=getattr(people, who), draft=draft, remark="Жок.")
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT
    nothing_written(document, drafts=1)
    assert log_actions(document) == before


def test_a_decided_draft_is_frozen(people):
    document = registered(people)
    approved = prepare(people, document)
    services.resolution_draft_approve(actor=people.chairman, draft=approved)
    with pytest.raises(ValidationError):  # twice
        services.resolution_draft_approve(actor=people.chairman, draft=approved)
    with pytest.raises(ValidationError):
        services.resolution_draft_return(actor=people.chairman, draft=approved, remark="Кеч.")
    returned = prepare(people, document)
    services.resolution_draft_return(actor=people.chairman, draft=returned, remark="Кайра карагыла.")
    with pytest.raises(ValidationError):  # a returned draft
        services.resolution_draft_approve(actor=people.chairman, draft=returned)
    assert Instruction.objects.for_subject(document).count() == 1
    returned.refresh_from_db()
    assert (returned.status, returned.instruction) == (DraftStatus.RETURNED, None)


def test_who_may_prepare_and_for_whom(people):
    document = registered(people)
    for someone in (people.chairman, people.head, people.executor, people.stranger):  # not the records office
        with pytest.raises(PermissionDenied):
            prepare(people, document, actor=someone)
    with pytest.raises(PermissionDenied):  # a draft document gets no resolution
        prepare(people, draft_document(people))
    for head in (people.executor, people.records, people.head):
        # not a head; the preparer themselves; a head who does not read this document
        with pytest.raises(ValidationError) as refused:
            prepare(people, document, head=head)
        assert "head" in refused.value.message_dict
    nothing_written(document)


def test_the_draft_is_checked_as_the_resolution_will_be(people):
    document = registered(people)
    cases = [
        ({"co_executors": [people.executor]}, "co_executors"),
        ({"deadline": timezone.localdate() - datetime.timedelta(days=5)}, "deadline"),
        ({"text": "   "}, "text"),
        ({"responsible": None}, "responsible"),
        ({"head": None}, "head"),
    ]
    for fields, field in cases:
        with pytest.raises(ValidationError) as refused:
            prepare(people, document, **fields)
        assert field in refused.value.message_dict
    nothing_written(document)


def test_a_head_who_can_no_longer_resolve_cannot_have_the_draft_approved(people):
    document = registered(people, confidential=True)
    services.correspondence_name_reader(actor=people.records, document=document, reader=people.chairman)
    draft = prepare(people, document)
    revoke(people.chairman, "correspondence.view_correspondence", document)
    with pytest.raises(PermissionDenied):  # the chairman no longer reads it
        services.resolution_draft_approve(actor=people.chairman, draft=draft)
    nothing_written(document, drafts=1)


def readers(people, draft) -> set[str]:
    everyone = ["records", "chairman", "head", "other_head", "executor", "co_executor", "stranger", "deputy"]
    by_rule = {
        name for name in everyone if policy.can(getattr(people, name), "correspondence.view_resolutiondraft", draft)
    }
    by_list = {
        name
        for name in everyone
        if policy.visible(getattr(people, name), "correspondence.view_resolutiondraft", ResolutionDraft.objects.all())
        .filter(pk=draft.pk)
        .exists()
    }
    assert by_rule == by_list
    document_readers = {
        name
        for name in everyone
        if policy.can(getattr(people, name), "correspondence.view_correspondence", draft.document)
    }
    assert by_rule == document_readers
    return by_rule


def test_the_draft_is_read_only_by_the_readers_of_the_document(people):
    document = registered(people, confidential=True)
    services.correspondence_name_reader(actor=people.records, document=document, reader=people.chairman)
    draft = prepare(people, document)
    assert readers(people, draft) == {"records", "chairman"}
    services.resolution_draft_approve(actor=people.chairman, draft=draft)
    assert readers(people, draft) == {"records", "chairman", "executor", "co_executor"}


# The admin: the assistant prepares from the document's page, the head approves or returns there.


def test_the_assistant_prepares_and_the_head_approves_from_the_documents_page(client, people):
    document = registered(people)
    client.force_login(people.records)
    page = client.get(f"{BASE}inspect/{document.pk}/").content.decode()
    assert f"{BASE}draft/{document.pk}/" in page
    form = {
        "head": people.chairman.pk,
        "text": TEXT,
        "responsible": people.executor.pk,
        "co_executors": [people.co_executor.pk],
        "subdivision": people.unit.pk,
        "deadline": later().isoformat(),
    }
    response = client.post(f"{BASE}draft/{document.pk}/", {**form, "co_executors": [people.executor.pk]})
    assert response.status_code == 200 and list(response.context["form"].errors) == ["co_executors"]
    assert not ResolutionDraft.objects.exists()
    assert client.post(f"{BASE}draft/{document.pk}/", form).status_code == 302
    draft = ResolutionDraft.objects.get()
    assert (
        f"{BASE}draft-decision/{draft.pk}/approve/" not in client.get(f"{BASE}inspect/{document.pk}/").content.decode()
    )

    client.force_login(people.chairman)
    page = client.get(f"{BASE}inspect/{document.pk}/").content.decode()
    assert TEXT in page
    assert f"{BASE}draft-decision/{draft.pk}/approve/" in page and f"{BASE}draft-decision/{draft.pk}/return/" in page
    assert f"{BASE}draft/{document.pk}/" not in page  # the head resolves directly, not through a draft
    dashboard = client.get("/admin/").content.decode()
    assert f"{BASE}inspect/{document.pk}/#drafts" in dashboard
    asked = client.post(f"{BASE}draft-decision/{draft.pk}/approve/")
    assert asked.status_code == 200 and not Instruction.objects.exists()  # asks first
    response = client.post(f"{BASE}draft-decision/{draft.pk}/approve/", {"confirmed": "yes"})
    assert response.status_code == 302 and response["Location"].endswith(f"inspect/{document.pk}/#drafts")
    draft.refresh_from_db()
    assert draft.status == DraftStatus.APPROVED and draft.instruction.author == people.chairman
    client.post(f"{BASE}draft-decision/{draft.pk}/approve/", {"confirmed": "yes"})  # twice: a message
    assert Instruction.objects.count() == 1


def test_the_head_returns_from_the_page_and_a_stranger_learns_nothing(client, people):
    document = registered(people)
    draft = prepare(people, document)
    client.force_login(people.stranger)
    assert client.post(f"{BASE}draft-decision/{draft.pk}/return/", {"remark": "Жок."}).status_code == 404
    assert client.get(f"{BASE}draft/{document.pk}/").status_code == 404
    client.force_login(people.records)  # reads the document, may not decide
    client.post(f"{BASE}draft-decision/{draft.pk}/return/", {"remark": "Жок."})
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT
    client.force_login(people.chairman)
    assert client.get(f"{BASE}draft/{document.pk}/")["Location"] == "/admin/"  # Wagtail's refusal
    client.post(f"{BASE}draft-decision/{draft.pk}/return/", {"remark": ""})  # refused: no remark
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT
    client.post(f"{BASE}draft-decision/{draft.pk}/return/", {"remark": "Аткаруучуну алмаштырыңыз."})
    draft.refresh_from_db()
    assert (draft.status, draft.remark) == (DraftStatus.RETURNED, "Аткаруучуну алмаштырыңыз.")


def test_the_documents_page_with_drafts_runs_a_bounded_number_of_queries(client, people, django_assert_max_num_queries):
    document = registered(people)
    client.force_login(people.chairman)
    prepare(people, document)
    with django_assert_max_num_queries(80) as few:
        client.get(f"{BASE}inspect/{document.pk}/")
    for _ in range(5):
        prepare(people, document)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(f"{BASE}inspect/{document.pk}/")


def test_the_demo_leaves_one_draft_waiting_for_the_chairman(roles):
    from documents.correspondence import demo

    users = [
        UserFactory(username=code, roles=[code])
        for code in ("records_officer", "chairman", "head_of_subdivision", "international_officer")
    ]
    legal = People().department
    demo.load(users, {"legal": legal})
    chairman = users[1]
    waiting = list(selectors.drafts_awaiting(chairman))
    assert len(waiting) == 1 and waiting[0].responsible == users[3]
    assert [(d.status, d.head) for d in ResolutionDraft.objects.all()] == [(DraftStatus.DRAFT, chairman)]
