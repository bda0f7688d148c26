import datetime
import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.test import Client

from documents.instructions.models import Instruction
from governance.access import policy
from governance.agreements import services
from governance.agreements.enums import EventKind, SignatoryKind, Stage
from governance.agreements.models import Agreement
from tests.factories import UserFactory
from tests.governance.agreements.factories import agreement, in_force, officer

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(roles):
    return officer()


def test_the_lifecycle_records_each_step_on_the_timeline(actor):
    made = agreement(actor, requires_ratification=True)
    made = services.agreement_negotiate(agreement=made, actor=actor, date=datetime.date(2024, 1, 10))
    made = services.agreement_initial(agreement=made, actor=actor, date=datetime.date(2024, 2, 1))
    made = services.agreement_sign(agreement=made, actor=actor, date=datetime.date(2024, 3, 1))
    with pytest.raises(ValidationError, match="ratification"):
        services.agreement_enter_into_force(agreement=made, actor=actor, date=datetime.date(2024, 3, 2))
    made = services.agreement_submit_ratification(agreement=made, actor=actor, date=datetime.date(2024, 3, 5))
    made = services.agreement_enter_into_force(agreement=made, actor=actor, date=datetime.date(2024, 4, 1))
    made = services.agreement_suspend(agreement=made, actor=actor, date=datetime.date(2024, 6, 1))
    made = services.agreement_resume(agreement=made, actor=actor, date=datetime.date(2024, 7, 1))
    made = services.agreement_terminate(agreement=made, actor=actor, date=datetime.date(2024, 8, 1))
    assert made.stage == Stage.TERMINATED
    assert made.signed_on == datetime.date(2024, 3, 1)
    assert made.in_force_on == datetime.date(2024, 4, 1)
    assert list(made.events.order_by("date").values_list("kind", flat=True)) == [
        EventKind.NOTIFICATION,
        EventKind.INITIALLING,
        EventKind.SIGNATURE,
        EventKind.RATIFICATION,
        EventKind.ENTRY_INTO_FORCE,
        EventKind.SUSPENSION,
        EventKind.RESUMPTION,
        EventKind.DENUNCIATION,
    ]


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ("agreement_sign", "status"),  # still in consultations
        ("agreement_suspend", "status"),
        ("agreement_submit_ratification", "status"),
    ],
)
def test_an_action_the_table_does_not_allow_is_refused(actor, action, message):
    made = agreement(actor)
    with pytest.raises(ValidationError):
        getattr(services, action)(agreement=made, actor=actor, date=datetime.date(2024, 1, 1))
    assert Agreement.objects.get(pk=made.pk).stage == Stage.CONSULTATIONS


def test_signing_needs_both_subjects_and_an_authorised_signatory_names_his_authority(actor):
    made = agreement(actor, subject_ru="")
    made = services.agreement_negotiate(agreement=made, actor=actor, date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="both languages"):
        services.agreement_sign(agreement=made, actor=actor, date=datetime.date(2024, 2, 1))
    other = agreement(actor, signatory_kind=SignatoryKind.AUTHORISED, signatory_name="Б. Усенов, орун басар")
    other = services.agreement_negotiate(agreement=other, actor=actor, date=datetime.date(2024, 1, 1))
    with pytest.raises(ValidationError, match="authorises"):
        services.agreement_sign(agreement=other, actor=actor, date=datetime.date(2024, 2, 1))


def test_a_date_in_the_future_or_before_the_signature_is_refused(actor):
    made = agreement(actor)
    with pytest.raises(ValidationError):
        services.agreement_negotiate(agreement=made, actor=actor, date=datetime.date(2999, 1, 1))
    made = services.agreement_negotiate(agreement=made, actor=actor, date=datetime.date(2024, 1, 1))
    made = services.agreement_sign(agreement=made, actor=actor, date=datetime.date(2024, 3, 1))
    with pytest.raises(ValidationError):
        services.agreement_enter_into_force(agreement=made, actor=actor, date=datetime.date(2024, 2, 1))


def test_only_the_international_department_changes_agreements(roles, actor):
    chairman = UserFactory(username="chair", roles=["chairman"])
    made = agreement(actor)
    assert policy.can(chairman, "agreements.view_agreement", made)
    with pytest.raises(PermissionDenied):
        services.agreement_negotiate(agreement=made, actor=chairman, date=datetime.date(2024, 1, 1))
    editor = UserFactory(username="ed", roles=["editor"])
    assert not policy.can(editor, "agreements.view_agreement", made)
    with pytest.raises(PermissionDenied):
        services.agreement_create(actor=editor, agreement=Agreement(kind="interagency", title_ky="x", title_ru="x"))


def test_the_current_period_and_its_notice_deadline_follow_the_renewals(actor):
    made = in_force(
        actor,
        force=datetime.date(2024, 4, 1),
        duration_months=12,
        automatic_renewal=True,
        renewal_months=12,
        notice_days=90,
    )
    assert made.expires_on() == datetime.date(2025, 3, 31)
    assert made.expires_on(datetime.date(2025, 5, 1)) == datetime.date(2026, 3, 31)
    assert made.notice_deadline(datetime.date(2025, 5, 1)) == datetime.date(2025, 12, 31)


def test_the_notice_and_expiry_dates_become_instructions_once_each(actor, today):
    today(datetime.date(2026, 1, 5))
    made = in_force(
        actor,
        signed=datetime.date(2025, 12, 1),
        force=datetime.date(2026, 1, 1),
        duration_months=12,
        notice_days=60,
    )
    deadlines = sorted(Instruction.objects.for_subject(made).values_list("deadline", flat=True))
    # the period ends on 31.12.2026 (a Thursday); 60 days before is 01.11.2026, a Sunday: moved back to Friday
    assert deadlines == [datetime.date(2026, 10, 30), datetime.date(2026, 12, 31)]
    assert services.agreement_schedule_deadlines(agreement=made, actor=actor) == []
    assert Instruction.objects.for_subject(made).count() == 2


def test_the_reminder_of_the_notice_deadline_goes_out_on_the_chosen_dates(
    actor, today, django_capture_on_commit_callbacks
):
    today(datetime.date(2026, 1, 5))
    actor.email = "intl@kyzmat.example"
    actor.save()
    in_force(
        actor, signed=datetime.date(2025, 12, 1), force=datetime.date(2026, 1, 1), duration_months=12, notice_days=60
    )

    def run(day):
        before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_instruction_reminders", date=day, stdout=io.StringIO())
        return mail.outbox[before:]

    assert run("2026-10-22") == []  # more than a week before the notice deadline (30.10.2026)
    week_before = run("2026-10-23")
    assert [message.to for message in week_before] == [["intl@kyzmat.example"]]
    assert "31.12.2026" in week_before[0].body
    assert len(run("2026-10-30")) == 1  # on the day


def test_terminating_takes_the_dates_off_control(actor, today):
    today(datetime.date(2026, 1, 5))
    made = in_force(
        actor, signed=datetime.date(2025, 12, 1), force=datetime.date(2026, 1, 1), duration_months=12, notice_days=60
    )
    services.agreement_terminate(agreement=made, actor=actor, date=datetime.date(2026, 1, 5))
    assert set(Instruction.objects.for_subject(made).values_list("status", flat=True)) == {"closed"}


def test_the_public_list_shows_public_agreements_in_force_only(actor):
    shown = in_force(actor, title_ky="Ачык келишим", title_ru="Открытый договор")
    in_force(actor, title_ky="Жабык келишим", title_ru="Закрытый договор", is_public=False)
    agreement(actor, title_ky="Сүйлөшүүдөгү келишим", title_ru="Договор в переговорах")
    client = Client()
    for language, title in (("ky", "Ачык келишим"), ("ru", "Открытый договор")):
        body = client.get(f"/{language}/agreements/").content.decode()
        assert title in body
        assert "Жабык" not in body and "Закрытый" not in body
        assert "Сүйлөшүүдөгү" not in body and "переговорах" not in body
    detail = client.get(f"/ru/agreements/{shown.pk}/")
    assert detail.status_code == 200
    text = shown.texts.get()
    download = client.get(f"/ru/agreements/{shown.pk}/texts/{text.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == b"%PDF-1.4 text"
    hidden = Agreement.objects.get(title_ky="Жабык келишим")
    assert client.get(f"/ru/agreements/{hidden.pk}/").status_code == 404


def test_the_api_lists_public_agreements_in_force_only(actor):
    shown = in_force(actor, title_ky="Ачык келишим", title_ru="Открытый договор")
    hidden = in_force(actor, title_ky="Жабык келишим", title_ru="Закрытый договор", is_public=False)
    client = Client()
    listing = client.get("/api/v1/agreements/").json()
    assert [item["id"] for item in listing["items"]] == [shown.pk]
    detail = client.get(f"/api/v1/agreements/{shown.pk}/").json()
    assert detail["title_ru"] == "Открытый договор" and detail["texts"][0]["url"].endswith(
        f"/texts/{shown.texts.get().pk}/"
    )
    assert client.get(f"/api/v1/agreements/{hidden.pk}/").status_code in (302, 404)


@pytest.mark.parametrize("count", [1, 6])
def test_the_public_list_makes_the_same_queries_whatever_the_number(actor, count, django_assert_max_num_queries):
    for index in range(count):
        in_force(actor, title_ky=f"Келишим {index}", title_ru=f"Договор {index}")
    with django_assert_max_num_queries(12):
        assert Client().get("/ru/agreements/").status_code == 200
