"""The archive's admin: proposing from the add view, the chair's buttons, the act's .docx; every
step through the services, every refusal a message that changes nothing."""

import io

import docx
import pytest
from django.contrib.messages import get_messages

from documents.archive import services
from documents.archive.enums import ActStatus, CaseStatus
from documents.archive.models import DestructionAct, FileHeading
from tests.documents.archive.factories import chair, filed, heading, officer
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
ACTS = "/admin/snippets/archive/destructionact/"
HEADINGS = "/admin/snippets/archive/fileheading/"
HEADING = {
    "year": "2026",
    "index": "05-01",
    "title_ky": "Келишимдер",
    "title_ru": "Договоры",
    "subdivision": "Юридический отдел",
    "retention_years": "5",
    "authority": "Типовой перечень, ст. 400",
}


def test_the_records_officer_adds_a_heading_and_a_wrong_period_changes_nothing(client, roles):
    client.force_login(officer())
    response = client.post(f"{HEADINGS}add/", {**HEADING, "permanent": "on"})
    assert response.status_code == 200 and not FileHeading.objects.exists()
    assert client.post(f"{HEADINGS}add/", HEADING).status_code == 302
    assert FileHeading.objects.get().retention_years == 5
    client.force_login(chair())
    assert client.post(f"{HEADINGS}add/", {**HEADING, "index": "05-02"}).status_code in (302, 403)
    assert FileHeading.objects.count() == 1


def test_propose_then_approve_by_another_person_and_download_the_act(client, roles):
    keeper, commission = officer(), chair()
    record = filed(keeper, heading(keeper), year=2019)
    young = filed(keeper, heading(keeper, index="02-06"), year=2025, key="2")
    client.force_login(keeper)
    response = client.post(f"{ACTS}add/", {"cases": [young.case_id]})
    assert response.status_code == 200 and "01.01.2031" in response.content.decode()
    assert not DestructionAct.objects.exists()
    assert client.post(f"{ACTS}add/", {"cases": [record.case_id]}).status_code == 302
    act = DestructionAct.objects.get()
    assert act.cases.get().status == CaseStatus.PROPOSED

    # the proposer gets no button, and a forged POST is refused
    assert "/approve/" not in client.get(f"{ACTS}inspect/{act.pk}/").content.decode()
    client.post(f"{ACTS}transition/{act.pk}/approve/", {"confirmed": "yes"})
    act.refresh_from_db()
    assert act.status == ActStatus.PROPOSED

    client.force_login(commission)
    page = client.get(f"{ACTS}inspect/{act.pk}/").content.decode()
    assert f"{ACTS}transition/{act.pk}/approve/" in page
    response = client.post(f"{ACTS}transition/{act.pk}/approve/", {"confirmed": "yes"}, follow=True)
    assert [str(m) for m in get_messages(response.wsgi_request)] or response.status_code == 200
    act.refresh_from_db()
    assert act.status == ActStatus.APPROVED and act.file
    download = client.get(f"{ACTS}docx/{act.pk}/")
    document = docx.Document(io.BytesIO(b"".join(download.streaming_content)))
    assert any(act.number in paragraph.text for paragraph in document.paragraphs)


def test_who_reads_no_archive_gets_no_act(client, roles):
    keeper = officer()
    record = filed(keeper, heading(keeper), year=2019)
    act = services.destruction_propose(actor=keeper, cases=[record.case])
    client.force_login(UserFactory(username="editor-1", roles=["editor"]))
    assert client.get(f"{ACTS}docx/{act.pk}/").status_code in (302, 403)
    assert client.get(f"{ACTS}inspect/{act.pk}/").status_code in (302, 403)
