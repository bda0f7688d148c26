"""Citizens' appeals: the public form end to end, the deadline rules, each kind of bad input,
the private status page and the statistics."""

import datetime
import hashlib
import logging
import time
import zoneinfo

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from documents.appeals import services
from documents.appeals.enums import Status
from documents.appeals.forms import STARTED_SALT
from documents.appeals.models import Appeal, AppealAttachment, DeadlineRule
from tests.documents import office_files as files

pytestmark = pytest.mark.django_db

BISHKEK = zoneinfo.ZoneInfo("Asia/Bishkek")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TEXT = "Прошу разъяснить порядок получения разрешения на работу."


def started(seconds_ago: float = 10) -> str:
    return signing.Signer(salt=STARTED_SALT).sign(str(time.time() - seconds_ago))


def form_data(**overrides) -> dict:
    return {
        "kind": "application",
        "sender": "person",
        "name": "Асель Токтогулова",
        "email": "asel@example.kg",
        "text": TEXT,
        "website": "",
        "started": started(),
        **overrides,
    }


def send(client, language="ru", **overrides):
    return client.post(f"/{language}/appeals/", form_data(**overrides), REMOTE_ADDR="10.0.0.7")


def test_the_form_registers_an_appeal_and_shows_its_number_and_private_link_once(client):
    assert client.get("/ky/appeals/").status_code == 200

    response = send(client, attachments=[SimpleUploadedFile("скан.pdf", PDF)])

    assert response.status_code == 200
    appeal = Appeal.objects.get()
    token = response.context["token"]
    body = response.content.decode()
    assert appeal.number == f"{timezone.localdate().year}/1"
    assert appeal.number in body and f"#code={token}" in body
    assert appeal.language == "ru"
    assert appeal.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Appeal.objects.values().get())  # only the hash is kept
    assert "10.0.0.7" not in str(Appeal.objects.values().get())
    attachment = AppealAttachment.objects.get()
    assert (attachment.content_type, attachment.size) == ("application/pdf", len(PDF))
    assert attachment.file.read() == PDF


def test_the_deadline_counts_working_days_and_skips_public_holidays():
    # Registered on Friday 6 March 2026: the 8th (Women's Day, a Sunday) and its day off on
    # Monday the 9th are skipped as well as the weekends; 14 working days end on 26 March.
    appeal, _ = services.appeal_submit(
        fields={"kind": "complaint", "sender": "person", "name": "А", "email": "a@example.kg", "text": TEXT},
        attachments=[],
        address="10.0.0.1",
        language="ky",
        now=datetime.datetime(2026, 3, 6, 11, tzinfo=BISHKEK),
    )
    assert appeal.registered_on == datetime.date(2026, 3, 6)
    assert appeal.rule.answer_days == 14
    expected = services.workdays.compute_deadline(
        base=datetime.date(2026, 3, 6), count=14, unit=services.DeadlineUnit.WORKING_DAYS
    )
    assert appeal.deadline == expected
    assert (appeal.deadline - appeal.registered_on).days > 14 + 4  # more than the weekends alone


def test_a_change_of_the_law_is_one_new_row():
    DeadlineRule.objects.create(
        effective_from=datetime.date(2027, 1, 1), answer_days=10, basis_ky="Жаңы мыйзам", basis_ru="Новый закон"
    )
    fields = {"kind": "proposal", "sender": "person", "name": "Б", "email": "b@example.kg", "text": TEXT}
    before, _ = services.appeal_submit(
        fields=fields, attachments=[], address="1", language="ky", now=datetime.datetime(2026, 12, 1, tzinfo=BISHKEK)
    )
    after, _ = services.appeal_submit(
        fields=fields, attachments=[], address="2", language="ky", now=datetime.datetime(2027, 2, 1, tzinfo=BISHKEK)
    )
    assert (before.rule.answer_days, after.rule.answer_days) == (14, 10)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"website": "http://spam.example"}, "Перезагрузите"),
        ({"started": lambda: started(0)}, "слишком быстро"),
        ({"started": "1.0:forged"}, "Перезагрузите"),
        ({"started": lambda: started(3 * 24 * 3600)}, "Перезагрузите"),
        ({"sender": "organisation"}, "организацию"),
        ({"attachments": [SimpleUploadedFile("doc.pdf", b"MZ\x90\x00" + b"\0" * 200)]}, "не является файлом"),
        ({"attachments": [SimpleUploadedFile("big.pdf", PDF + b"\0" * (5 * 2**20))]}, "больше"),
        (
            {"attachments": [SimpleUploadedFile("b.docx", files.bomb(files.plain_docx(), 25 * 2**20))]},
            "слишком много данных",
        ),
        ({"attachments": [SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(4)]}, "не больше 3"),
    ],
    ids=["honeypot", "too-quick", "forged-time", "stale-form", "organisation-unnamed", "exe", "big", "bomb", "many"],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(client, overrides, message):
    response = send(client, **{key: value() if callable(value) else value for key, value in overrides.items()})

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Appeal.objects.exists() and not AppealAttachment.objects.exists()


def test_a_flood_from_one_address_is_stopped(client, settings):
    settings.APPEALS_PER_ADDRESS_PER_HOUR = 2
    assert send(client).status_code == 200
    assert send(client).status_code == 200

    response = send(client)

    assert response.status_code == 400
    assert "Слишком много обращений" in response.content.decode()
    assert Appeal.objects.count() == 2


def test_the_status_page_shows_the_appeal_by_its_code_escaped_and_how_the_term_was_computed(client):
    token = send(client, text=TEXT + "<script>alert(1)</script>").context["token"]
    appeal = Appeal.objects.get()
    Appeal.objects.filter(pk=appeal.pk).update(answer="<b>Ответ</b>", status=Status.ANSWERED)

    response = client.post("/ru/appeals/status/", {"code": token})

    body = response.content.decode()
    assert response.status_code == 200
    assert appeal.number in body
    assert "14" in body and "Закон Кыргызской Республики от 4 мая 2007 года № 67" in body
    assert "&lt;b&gt;Ответ&lt;/b&gt;" in body and "<b>Ответ</b>" not in body


def test_a_wrong_code_shows_nothing_and_no_code_reaches_the_request_log(client, caplog):
    token = send(client).context["token"]
    caplog.set_level(logging.INFO)

    wrong = client.post("/ru/appeals/status/", {"code": token[:-2] + "xx"})
    right = client.post("/ru/appeals/status/", {"code": token})

    assert wrong.status_code == 404
    assert Appeal.objects.get().number not in wrong.content.decode()
    assert right.status_code == 200
    assert token not in caplog.text and token[:-2] not in caplog.text
    assert token not in right.wsgi_request.get_full_path()


def test_the_status_link_is_nowhere_on_the_public_site(client):
    token = send(client).context["token"]
    for path in ("/sitemap.xml", "/ru/appeals/statistics/", "/ru/appeals/", "/ru/search/?q=" + TEXT[:10]):
        assert token not in client.get(path).content.decode()


def test_the_statistics_count_on_time_and_overdue(client, django_assert_max_num_queries):
    fields = {"kind": "complaint", "sender": "person", "name": "В", "email": "v@example.kg", "text": TEXT}
    old, _ = services.appeal_submit(
        fields=fields, attachments=[], address="3", language="ru", now=datetime.datetime(2026, 1, 12, tzinfo=BISHKEK)
    )
    answered, _ = services.appeal_submit(
        fields=fields, attachments=[], address="4", language="ru", now=datetime.datetime(2026, 1, 12, tzinfo=BISHKEK)
    )
    Appeal.objects.filter(pk=answered.pk).update(status=Status.ANSWERED, answered_on=datetime.date(2026, 1, 20))

    with django_assert_max_num_queries(12):
        response = client.get("/ru/appeals/statistics/")

    total = response.context["total"]
    assert (total["received"], total["on_time"], total["overdue"]) == (2, 1, 1)
    assert old.number not in response.content.decode()
