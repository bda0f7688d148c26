"""The nomenclature, the due list, legal holds and the two-person destruction with its act."""

import datetime
import io

import docx
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage

from documents.archive import services
from documents.archive.enums import ActStatus, CaseStatus
from documents.archive.models import CaseFile, DestructionAct, FiledRecord, FileHeading
from documents.digests import sha256
from tests.documents.archive.factories import chair, filed, heading, hold, officer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ON = datetime.date(2026, 6, 1)


@pytest.fixture
def people(roles):
    return officer(), chair()


def test_a_heading_is_kept_for_years_or_permanently_never_both(people):
    keeper, _chair = people
    item = heading(keeper)
    item.permanent = True
    with pytest.raises(ValidationError):
        services.heading_save(actor=keeper, heading=item)
    assert FileHeading.objects.get(pk=item.pk).permanent is False
    with pytest.raises(ValidationError):
        heading(keeper, index="02-06", years=0)


def test_only_the_records_officer_keeps_the_nomenclature(people):
    _keeper, chairman = people
    with pytest.raises(PermissionDenied):
        heading(chairman)
    with pytest.raises(PermissionDenied):
        heading(UserFactory(username="nobody"))
    assert not FileHeading.objects.exists()


def test_the_due_list_counts_the_retention_from_the_year_after_closing(people):
    keeper, _chair = people
    item = heading(keeper, years=5)
    old, recent = filed(keeper, item, year=2020, key="1").case, filed(keeper, item, year=2021, key="2").case
    forever = filed(keeper, heading(keeper, index="01-01", permanent=True), year=1995, key="3").case
    due = set(CaseFile.objects.due_on(ON))
    assert old in due  # 2020 closed, five years 2021-2025: destroyed from 2026
    assert recent not in due and forever not in due
    assert old.destroy_from == datetime.date(2026, 1, 1) and forever.destroy_from is None


def test_a_legal_hold_stops_the_destruction(people):
    keeper, _chair = people
    case = filed(keeper, heading(keeper), year=2019).case
    hold(keeper, case)
    assert case not in CaseFile.objects.due_on(ON)
    with pytest.raises(ValidationError, match="укуктук кармоодо"):
        services.destruction_propose(actor=keeper, cases=[case], on=ON)
    assert not DestructionAct.objects.exists()


def test_a_hold_placed_after_the_proposal_stops_the_approval(people):
    keeper, chairman = people
    record = filed(keeper, heading(keeper), year=2019)
    act = services.destruction_propose(actor=keeper, cases=[record.case], on=ON)
    hold(keeper, record.case, starts_on=ON)
    with pytest.raises(ValidationError, match="укуктук кармоодо"):
        services.destruction_approve(actor=chairman, act=act, on=ON)
    record.refresh_from_db()
    assert record.file and default_storage.exists(record.file.name)
    assert DestructionAct.objects.get().status == ActStatus.PROPOSED


def test_a_lifted_hold_lets_the_case_file_go(people):
    keeper, _chair = people
    case = filed(keeper, heading(keeper), year=2019).case
    placed = hold(keeper, case, starts_on=datetime.date(2026, 1, 1))
    services.hold_lift(actor=keeper, hold=placed, on=datetime.date(2026, 3, 1))
    assert case in CaseFile.objects.due_on(ON)


def test_a_hold_cannot_end_before_it_starts(people):
    keeper, _chair = people
    case = filed(keeper, heading(keeper), year=2019).case
    with pytest.raises(ValidationError):
        hold(keeper, case, starts_on=ON, ends_on=ON - datetime.timedelta(days=1))
    assert not case.holds.exists()


def test_a_case_file_still_in_its_retention_is_not_proposed(people):
    keeper, _chair = people
    case = filed(keeper, heading(keeper), year=2022).case
    with pytest.raises(ValidationError, match=r"01\.01\.2028 чейин сакталат"):
        services.destruction_propose(actor=keeper, cases=[case], on=ON)
    assert CaseFile.objects.get().status == CaseStatus.KEPT


def test_the_proposer_cannot_approve_and_only_the_chair_may(people):
    keeper, chairman = people
    both = UserFactory(username="both", roles=["records_officer", "expert_commission_chair"])
    case = filed(keeper, heading(keeper), year=2019).case
    act = services.destruction_propose(actor=both, cases=[case], on=ON)
    with pytest.raises(ValidationError, match="башка адам"):
        services.destruction_approve(actor=both, act=act, on=ON)
    with pytest.raises(PermissionDenied):
        services.destruction_approve(actor=keeper, act=act, on=ON)
    with pytest.raises(PermissionDenied):
        services.destruction_propose(actor=chairman, cases=[case], on=ON)
    act.refresh_from_db()
    assert act.status == ActStatus.PROPOSED and not act.file


def test_approval_removes_the_files_keeps_the_descriptions_and_makes_the_act(
    people, django_capture_on_commit_callbacks
):
    keeper, chairman = people
    item = heading(keeper)
    first = filed(keeper, item, year=2019, key="7", description="Каттоо жөнүндө арыз")
    second = filed(keeper, item, year=2019, key="8", content=None)
    kept = filed(keeper, item, year=2023, key="9")
    name = first.file.name
    act = services.destruction_propose(actor=keeper, cases=[first.case], on=ON)
    assert CaseFile.objects.get(pk=first.case_id).status == CaseStatus.PROPOSED
    with pytest.raises(ValidationError):  # nothing more is filed in a case file on its way out
        filed(keeper, item, year=2019, key="10")
    with django_capture_on_commit_callbacks(execute=True):  # the files go once the destruction commits
        act = services.destruction_approve(actor=chairman, act=act, on=ON)

    assert act.status == ActStatus.APPROVED and act.decided_by == chairman
    assert not default_storage.exists(name)
    first.refresh_from_db()
    second.refresh_from_db()
    assert not first.file and first.sha256 and first.description_ky == "Каттоо жөнүндө арыз 7"
    assert first.destroyed_in == act and second.destroyed_in == act
    assert CaseFile.objects.get(pk=first.case_id).status == CaseStatus.DESTROYED
    kept.refresh_from_db()
    assert kept.file and kept.destroyed_in is None

    with act.file.open("rb") as stored:
        content = stored.read()
    assert sha256(content) == act.sha256
    texts = [p.text for p in docx.Document(io.BytesIO(content)).paragraphs]
    cells = [c.text for t in docx.Document(io.BytesIO(content)).tables for r in t.rows for c in r.cells]
    assert any(act.number in text and "АКТ" in text for text in texts)
    assert "Каттоо жөнүндө арыз 7" in cells and "Заявление 7" in cells  # both languages keep the description
    assert "Ж. Орозбаева" in cells and "М. Асанова" in cells
    with pytest.raises(ValidationError):  # approved once, never again
        services.destruction_approve(actor=chairman, act=act, on=ON)


def test_a_refused_act_gives_the_case_files_back(people):
    keeper, chairman = people
    record = filed(keeper, heading(keeper), year=2019)
    act = services.destruction_refuse(
        actor=chairman, act=services.destruction_propose(actor=keeper, cases=[record.case], on=ON)
    )
    assert act.status == ActStatus.REFUSED
    assert CaseFile.objects.get().status == CaseStatus.KEPT
    record.refresh_from_db()
    assert record.file and record.destroyed_in is None


def test_a_record_is_filed_once(people):
    keeper, _chair = people
    item = heading(keeper)
    filed(keeper, item, key="5")
    with pytest.raises(ValidationError):
        filed(keeper, item, key="5", year=2020)
    assert FiledRecord.objects.count() == 1
