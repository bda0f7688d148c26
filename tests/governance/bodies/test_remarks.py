"""Members read the draft minutes and remark on them before the chair and the secretary sign."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from docx import Document

from documents.models import Notice
from governance.bodies import services
from governance.bodies.models import MinutesRemark
from tests.governance.bodies.factories import Collegium

pytestmark = pytest.mark.django_db


@pytest.fixture
def drafted():
    collegium = Collegium()
    meeting = collegium.held()
    return collegium, services.minutes_draft(actor=collegium.secretary, meeting=meeting)


def test_a_member_remarks_and_the_chair_and_the_secretary_are_told(drafted):
    collegium, minutes = drafted

    services.minutes_remark(actor=collegium.deputy, minutes=minutes, text="  2-пунктта катышкандар туура эмес.  ")

    remark = MinutesRemark.objects.get()
    assert (remark.author, remark.text) == (collegium.deputy, "2-пунктта катышкандар туура эмес.")
    told = set(Notice.objects.values_list("user", flat=True))
    assert told == {collegium.chair.pk, collegium.secretary.pk}
    # drafting again keeps the remarks: they are on the minutes, not on one version of the text
    services.minutes_draft(actor=collegium.secretary, meeting=minutes.meeting)
    assert minutes.remarks.count() == 1


def test_only_members_remark_only_on_a_draft_and_never_an_empty_remark(drafted):
    collegium, minutes = drafted
    with pytest.raises(PermissionDenied):
        services.minutes_remark(actor=collegium.outsider, minutes=minutes, text="Сырттан")
    with pytest.raises(ValidationError):
        services.minutes_remark(actor=collegium.deputy, minutes=minutes, text="   ")

    services.minutes_sign(actor=collegium.secretary, minutes=minutes)
    signed = services.minutes_sign(actor=collegium.chair, minutes=minutes)
    assert signed.is_registered
    with pytest.raises(ValidationError, match="signed"):
        services.minutes_remark(actor=collegium.deputy, minutes=signed, text="Кеч")
    assert not MinutesRemark.objects.exists()


def test_the_portal_gives_members_the_draft_and_takes_their_remarks(client, drafted):
    collegium, minutes = drafted
    client.force_login(collegium.government)

    response = client.get(f"/ru/members/minutes/{minutes.pk}/draft/")
    assert response.status_code == 200
    texts = [paragraph.text for paragraph in Document(io.BytesIO(response.content)).paragraphs]
    assert "ПРОТОКОЛ № —" in texts  # the Russian part; no number before signing
    client.post(f"/ru/members/minutes/{minutes.pk}/remark/", {"text": "Уточнить формулировку решения."})
    page = client.get(f"/ru/members/meetings/{minutes.meeting_id}/").content.decode()
    assert "Уточнить формулировку решения." in page and "Замечания к проекту протокола" in page

    client.force_login(collegium.outsider)
    assert client.get(f"/ru/members/minutes/{minutes.pk}/draft/").status_code == 404
    assert client.post(f"/ru/members/minutes/{minutes.pk}/remark/", {"text": "Чужой"}).status_code == 404
    assert MinutesRemark.objects.count() == 1


def test_signed_minutes_have_no_draft_to_download(client, drafted):
    collegium, minutes = drafted
    services.minutes_sign(actor=collegium.secretary, minutes=minutes)
    services.minutes_sign(actor=collegium.chair, minutes=minutes)
    client.force_login(collegium.deputy)
    assert client.get(f"/ru/members/minutes/{minutes.pk}/draft/").status_code == 404
