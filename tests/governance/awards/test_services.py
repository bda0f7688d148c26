import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from governance.access.models import PolicyLogEntry
from governance.awards import selectors, services
from governance.awards.enums import NominationStatus, NomineeKind
from governance.awards.models import Award
from governance.orders.enums import OrderStatus
from governance.staff.enums import ActionKind
from tests.governance.awards.factories import Awards
from tests.governance.orders.factories import People, SeriesFactory, delegation
from tests.governance.staff.factories import EmployeeFactory, Staff, sign

pytestmark = pytest.mark.django_db

S = NominationStatus


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def awards(people):
    return Awards(people)


def test_an_approved_agency_award_is_conferred_when_its_order_is_signed(awards, people):
    employee = EmployeeFactory(full_name_ky="Асель Бекова", full_name_ru="Бекова Асель")
    nomination = awards.propose(employee)
    assert nomination.status == S.PROPOSED and nomination.name_ru == "Бекова Асель"

    nomination = awards.approve(nomination)
    assert nomination.status == S.APPROVED and nomination.decided_by == people.chairman
    order = awards.order(nomination)
    assert order.series.code == "awards" and order.title_ru == "О награждении"
    assert order.points.get().text_ky == (
        "Асель Бекова «Кызматтын Ардак грамотасы» менен сыйлансын. Негиз: Көп жылдык талыкпаган эмгеги үчүн."
    )
    assert order.points.get().text_ru.startswith("Наградить Бекова Асель: «Почётная грамота Службы».")
    assert not Award.objects.exists()

    sign(people, order)
    nomination.refresh_from_db()
    award = Award.objects.get()
    assert nomination.status == S.CONFERRED and award.employee == employee
    assert award.order.status == OrderStatus.SIGNED and award.conferred_on == timezone.localdate()
    assert list(selectors.awards_of(employee)) == [award]  # on the person's record
    actions = list(PolicyLogEntry.objects.for_instance(nomination).values_list("action", flat=True))
    assert {"wagtail.create", "awards.approve", "awards.confer"} <= set(actions)


def test_a_state_award_is_submitted_to_the_government_and_never_in_an_order(awards):
    nomination = awards.propose(EmployeeFactory(), kind=awards.state)
    nomination = awards.approve(nomination)
    assert nomination.status == S.SUBMITTED
    with pytest.raises(ValidationError) as error:
        awards.order(nomination)
    assert error.value.code == "status"


def test_the_same_award_twice_within_the_interval_names_the_earlier_award(awards):
    employee = EmployeeFactory(full_name_ky="Асель Бекова", full_name_ru="Бекова Асель")
    order = awards.confer(awards.propose(employee))
    with translation.override("ru"), pytest.raises(ValidationError) as error:
        awards.propose(employee)
    assert error.value.code == "repeated"
    message = error.value.messages[0]
    assert "Почётная грамота Службы" in message and f"№ {order.number_display}" in message
    assert timezone.localdate().strftime("%d.%m.%Y") in message

    award = Award.objects.get()
    Award.objects.filter(pk=award.pk).update(conferred_on=award.conferred_on - datetime.timedelta(days=3 * 366))
    assert awards.propose(employee).status == S.PROPOSED  # the interval is over


def test_the_repeat_is_checked_again_when_the_order_is_signed(awards, people):
    employee = EmployeeFactory()
    order = awards.order(awards.approve(awards.propose(employee)))
    # the same award recorded for the employee meanwhile, behind the services
    earlier = awards.confer(awards.propose(EmployeeFactory()))
    Award.objects.update(employee=employee)
    with pytest.raises(ValidationError) as error:
        sign(people, order)
    assert error.value.code == "repeated" and f"№ {earlier.number_display}" in error.value.messages[0]
    order.refresh_from_db()
    assert order.status == OrderStatus.APPROVED and Award.objects.count() == 1


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"employee": None}, "no_employee"),
        ({"nominee_kind": NomineeKind.PERSON, "employee": None}, "no_name"),
        ({"grounds_ru": " "}, "no_grounds"),
    ],
)
def test_a_nomination_without_what_it_needs_is_refused_and_nothing_is_written(awards, fields, code):
    employee = fields.pop("employee", EmployeeFactory())
    with pytest.raises(ValidationError) as error:
        awards.propose(employee, **fields)
    codes = (
        [e.code for errors in error.value.error_dict.values() for e in errors]
        if hasattr(error.value, "error_dict")
        else [error.value.code]
    )
    assert code in codes
    assert not awards.honour.nominations.exists()


def test_the_same_person_is_not_nominated_twice_for_the_same_award_at_once(awards):
    employee = EmployeeFactory()
    awards.propose(employee)
    with pytest.raises(ValidationError) as error:
        awards.propose(employee)
    assert error.value.code == "duplicate"


def test_an_outside_organisation_is_nominated_by_its_names(awards):
    nomination = awards.propose(
        None,
        nominee_kind=NomineeKind.ORGANISATION,
        name_ky="«Мигрант» коомдук бирикмеси",
        name_ru="Общественное объединение «Мигрант»",
        language="ru",
    )
    awards.confer(nomination)
    award = Award.objects.get()
    assert award.employee is None and award.recipient("ru") == "Общественное объединение «Мигрант»"
    with pytest.raises(ValidationError) as error:
        awards.propose(
            None,
            nominee_kind=NomineeKind.ORGANISATION,
            name_ky="«Мигрант» коомдук бирикмеси",
            name_ru="Общественное объединение «Мигрант»",
        )
    assert error.value.code == "repeated"


def test_who_may_propose_decide_and_draft(awards, people):
    with pytest.raises(PermissionDenied):
        awards.propose(EmployeeFactory(), actor=people.outsider)
    with pytest.raises(PermissionDenied):
        awards.propose(EmployeeFactory(), actor=people.secretary)
    nomination = awards.propose(EmployeeFactory(), actor=people.drafter)  # a head of subdivision
    for who in (people.hr, people.secretary, people.drafter, people.deputy):
        with pytest.raises(PermissionDenied):
            services.nomination_approve(actor=who, nomination=nomination)
        with pytest.raises(PermissionDenied):
            services.nomination_reject(actor=who, nomination=nomination, comment="Жок")
    nomination.refresh_from_db()
    assert nomination.status == S.PROPOSED
    approved = awards.approve(nomination)
    with pytest.raises(PermissionDenied):
        services.award_order_draft(actor=people.drafter, nominations=[approved], approvers=[people.secretary])


def test_the_acting_chairman_decides(awards, people):
    delegation(people)
    nomination = services.nomination_approve(actor=people.deputy, nomination=awards.propose(EmployeeFactory()))
    assert nomination.status == S.APPROVED


def test_a_rejection_says_why_and_ends_the_nomination(awards, people):
    nomination = awards.propose(EmployeeFactory())
    with pytest.raises(ValidationError):
        services.nomination_reject(actor=people.chairman, nomination=nomination, comment=" ")
    nomination = services.nomination_reject(actor=people.chairman, nomination=nomination, comment="Эрте")
    assert nomination.status == S.REJECTED
    with pytest.raises(ValidationError):
        awards.approve(nomination)
    with pytest.raises(ValidationError) as error:
        awards.order(nomination)
    assert error.value.code == "status"


def test_an_order_of_another_series_confers_nothing(awards, people):
    nomination = awards.approve(awards.propose(EmployeeFactory()))
    order = awards.order(nomination)
    type(order).objects.filter(pk=order.pk).update(series=SeriesFactory())
    order.refresh_from_db()
    with pytest.raises(ValidationError):
        sign(people, order)
    nomination.refresh_from_db()
    assert nomination.status == S.APPROVED and not Award.objects.exists()


def test_the_collegium_considers_first_where_the_agency_says_so(awards, people):
    from governance.bodies import services as body_services
    from tests.governance.bodies.factories import Collegium

    kind = awards.honour
    kind.needs_collegium = True
    kind.save()
    nomination = awards.propose(EmployeeFactory())
    with pytest.raises(ValidationError):
        awards.approve(nomination)

    collegium = Collegium()
    meeting = collegium.held()
    item = meeting.items.get()
    poll = body_services.poll_open(actor=collegium.secretary, item=item)
    for member in collegium.members:
        body_services.vote_cast(actor=member, poll=poll, choice="for")
    poll = body_services.poll_close(actor=collegium.secretary, poll=poll)
    decision = body_services.decision_draft(
        actor=collegium.secretary, item=item, poll=poll, text_ky="Колдоого алынсын.", text_ru="Поддержать."
    )
    with pytest.raises(ValidationError):
        services.nomination_record_collegium(actor=people.chairman, nomination=nomination, decision=decision)
    decision = body_services.decision_register(actor=collegium.secretary, decision=decision)
    with pytest.raises(PermissionDenied):
        services.nomination_record_collegium(actor=people.hr, nomination=nomination, decision=decision)
    services.nomination_record_collegium(actor=people.chairman, nomination=nomination, decision=decision)
    assert awards.approve(nomination).status == S.APPROVED


def test_reports_by_year_subdivision_and_person(awards, people):
    staff = Staff(people)
    employee = EmployeeFactory()
    staff.effect(staff.action(employee, ActionKind.APPOINTMENT, datetime.date(2026, 1, 2), staff.legal, staff.lawyer))
    other = EmployeeFactory()
    awards.confer(awards.propose(employee), awards.propose(other, subdivision=staff.hr_division))
    year = timezone.localdate().year

    by_subdivision = selectors.awards_by_subdivision(year)
    assert {(row["subdivision"], row["count"]) for row in by_subdivision} == {
        (staff.legal.pk, 1),
        (staff.hr_division.pk, 1),
    }
    assert {(row["year"], row["count"]) for row in selectors.awards_by_year()} == {(year, 2)}
    assert list(selectors.awards_of(employee).values_list("employee", flat=True)) == [employee.pk]
