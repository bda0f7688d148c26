"""Nomenclature posts: the Prime Minister's act appoints to them on the chairman's proposal, the
agency's order does not; the act is recorded against the action and puts it into effect."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation
from docx import Document
from wagtail.log_actions import registry as log_registry

from governance.bodies.enums import Basis, MemberRole
from governance.bodies.models import Membership
from governance.orders.models import Order
from governance.staff import services
from governance.staff.docx import nomenclature_proposal_docx
from governance.staff.enums import ActionKind, ActionStatus, ExternalActKind
from governance.staff.models import PersonnelAction, PostHolding
from governance.staff.selectors import post_history, post_on
from tests.factories import SubdivisionFactory, UserFactory
from tests.governance.bodies.factories import Collegium
from tests.governance.orders.factories import People
from tests.governance.staff.factories import DAY, EmployeeFactory, PositionFactory, Staff, sign

pytestmark = pytest.mark.django_db

A = ActionKind
FROM = DAY + datetime.timedelta(days=1)  # the version with the nomenclature post is in force from here


def act(**changes):
    """The Prime Minister's order, as HR types it in."""
    return {
        "act_kind": ExternalActKind.PRIME_MINISTER_ORDER,
        "act_issuer": "Кыргыз Республикасынын Премьер-министри",
        "act_number": "512-р",
        "act_date": FROM,
        "act_title_ky": "Төраганын орун басарын дайындоо жөнүндө",
        "act_title_ru": "О назначении заместителя председателя",
        **changes,
    }


class Leadership:
    """The staff of ``Staff`` plus the leadership's subdivision with two units of a deputy chairman,
    a post on the nomenclature, in force from ``FROM``."""

    def __init__(self, staff):
        self.staff = staff
        self.board = SubdivisionFactory(code="leadership", name_ky="Жетекчилик", name_ru="Руководство")
        self.deputy = PositionFactory(
            title_ky="Төраганын орун басары", title_ru="Заместитель председателя", on_nomenclature=True
        )
        staff.approve(
            [
                (staff.legal, staff.lawyer, 2, Decimal("30000")),
                (staff.legal, staff.head, 1, Decimal("45000")),
                (self.board, self.deputy, 2, Decimal("90000")),
            ],
            FROM,
        )

    def propose(self, employee=None, day=FROM, kind=A.APPOINTMENT):
        employee = employee or EmployeeFactory(full_name_ky="Асанов Марат Эркин уулу", full_name_ru="Асанов Марат")
        if kind == A.DISMISSAL:
            return self.staff.action(employee, kind, day)
        return self.staff.action(employee, kind, day, self.board, self.deputy)

    def record(self, action, actor=None, **changes):
        return services.personnel_action_record_external(
            actor=actor or self.staff.people.hr, action=action, **act(**changes)
        )


@pytest.fixture
def people(roles):
    return People()


@pytest.fixture
def staff(people):
    return Staff(people)


@pytest.fixture
def board(staff):
    return Leadership(staff)


def _refused(code, call):
    with pytest.raises(ValidationError) as refused:
        call()
    assert refused.value.error_list[0].code == code
    return refused.value.messages[0]


# The agency's order does not carry it.


def test_an_action_on_a_nomenclature_post_cannot_be_put_in_an_agency_order(board):
    action = board.propose()
    orders = Order.objects.count()
    with translation.override("ru"):
        message = _refused("nomenclature", lambda: board.staff.order(action))
    assert "Заместитель председателя" in message and "Асанов Марат" in message
    assert Order.objects.count() == orders
    action.refresh_from_db()
    assert action.order is None and action.status == ActionStatus.PROPOSAL
    # nor mixed with an action on the agency's own post
    other = board.staff.action(EmployeeFactory(), A.APPOINTMENT, FROM, board.staff.legal, board.staff.lawyer)
    _refused("nomenclature", lambda: board.staff.order(other, action))
    assert Order.objects.count() == orders


def test_the_dismissal_of_a_nomenclature_post_holder_is_not_the_agencys_order_either(board):
    holder = EmployeeFactory()
    board.record(board.propose(holder))
    dismissal = board.propose(holder, FROM + datetime.timedelta(days=30), kind=A.DISMISSAL)
    _refused("nomenclature", lambda: board.staff.order(dismissal))

    board.record(dismissal, act_date=FROM + datetime.timedelta(days=29), act_number="640-р")

    assert post_on(holder, FROM + datetime.timedelta(days=30)).position == board.deputy
    assert post_on(holder, FROM + datetime.timedelta(days=31)) is None


def test_signing_refuses_an_order_whose_post_went_on_the_nomenclature_since_it_was_drafted(staff):
    action = staff.action(EmployeeFactory(), A.APPOINTMENT, DAY, staff.legal, staff.head)
    order = staff.order(action)
    staff.head.on_nomenclature = True
    staff.head.save()

    _refused("nomenclature", lambda: sign(staff.people, order))

    action.refresh_from_db()
    assert action.status == ActionStatus.PROPOSAL
    assert not PostHolding.objects.filter(action=action).exists()


# The chairman's proposal to the Prime Minister.


def _paragraphs(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text.strip()]


def test_the_proposal_names_the_candidate_the_post_the_date_and_the_grounds_in_both_languages(board):
    action = services.personnel_action_propose(
        actor=board.staff.people.hr,
        employee=EmployeeFactory(full_name_ky="Асанов Марат Эркин уулу", full_name_ru="Асанов Марат Эркинович"),
        kind=A.APPOINTMENT,
        date=FROM,
        subdivision=board.board,
        position=board.deputy,
        grounds_ky="Төраганын сунушу",
        grounds_ru="Представление председателя",
    )
    today = f"{timezone.localdate():%d.%m.%Y}"

    ky = _paragraphs(nomenclature_proposal_docx([action], language="ky"))
    ru = _paragraphs(nomenclature_proposal_docx([action], language="ru"))

    assert ky[0] == today and ru[0] == today
    assert ky[1:3] == ["Кыргыз Республикасынын Премьер-министрине", "СУНУШ"]
    assert ru[1:3] == ["Премьер-министру Кыргызской Республики", "ПРЕДСТАВЛЕНИЕ"]
    assert ky[4] == (
        "1. Асанов Марат Эркин уулу — Жетекчилик Төраганын орун басары кызматына дайындоо, "
        "02.01.2026 баштап. Негиз: Төраганын сунушу."
    )
    assert ru[4] == (
        "1. Асанов Марат Эркинович — о назначении на должность «Заместитель председателя» (Руководство), "
        "с 02.01.2026. Основание: Представление председателя."
    )
    assert ky[-1].startswith("Төрага") and ky[-1].endswith("А. Токтосунов")
    assert ru[-1].startswith("Председатель") and ru[-1].endswith("А. Токтосунов")


def test_the_proposal_carries_several_actions_and_refuses_one_not_on_the_nomenclature(board):
    holder = EmployeeFactory(full_name_ru="Бекова Асель")
    board.record(board.propose(holder))
    dismissal = board.propose(holder, FROM + datetime.timedelta(days=30), kind=A.DISMISSAL)
    successor = board.propose(EmployeeFactory(full_name_ru="Садыков Улан"), FROM + datetime.timedelta(days=31))
    ru = _paragraphs(nomenclature_proposal_docx([successor, dismissal], language="ru"))
    assert ru[4].startswith("1. Бекова Асель — об освобождении от должности «Заместитель председателя» (Руководство)")
    assert ru[5].startswith("2. Садыков Улан — о назначении на должность «Заместитель председателя»")

    lawyer = board.staff.action(EmployeeFactory(), A.APPOINTMENT, FROM, board.staff.legal, board.staff.lawyer)
    _refused("not_nomenclature", lambda: nomenclature_proposal_docx([successor, lawyer]))
    in_effect = PersonnelAction.objects.get(employee=holder, kind=A.APPOINTMENT)
    _refused("status", lambda: nomenclature_proposal_docx([in_effect]))


# Recording the external act.


def test_recording_the_act_puts_the_action_into_effect_and_the_history_shows_the_act(board):
    employee = EmployeeFactory()
    action = board.propose(employee)
    assert post_on(employee, FROM) is None

    board.record(action)

    action.refresh_from_db()
    assert action.status == ActionStatus.EFFECTIVE and action.order is None
    assert (action.act_kind, action.act_number, action.act_date) == (
        ExternalActKind.PRIME_MINISTER_ORDER,
        "512-р",
        FROM,
    )
    holding = post_on(employee, FROM)
    assert (holding.subdivision, holding.position, holding.date_to) == (board.board, board.deputy, None)
    assert post_on(employee, DAY) is None
    [history] = post_history(employee)
    assert history.action.basis("ru") == (
        "Кыргыз Республикасынын Премьер-министри, распоряжение Премьер-министра от 02.01.2026 № 512-р "
        "«О назначении заместителя председателя»"
    )
    assert history.action.basis("ky") == (
        "Кыргыз Республикасынын Премьер-министри, 02.01.2026 № 512-р Премьер-министрдин буйругу "
        "«Төраганын орун басарын дайындоо жөнүндө»"
    )
    entry = log_registry.get_logs_for_instance(action).get(action="staff.action_record_external")
    assert entry.user == board.staff.people.hr


def test_the_employee_record_shows_the_order_number_or_the_act(client, board):
    employee = EmployeeFactory()
    board.record(board.propose(employee))
    client.force_login(board.staff.people.hr)
    page = client.get(f"/admin/snippets/staff/employee/inspect/{employee.pk}/").content.decode()
    assert "№ 512-р" in page and "Төраганын орун басарын дайындоо жөнүндө" in page


def test_the_seats_that_go_with_the_post_follow_the_recorded_act(roles):
    collegium = Collegium()
    staff = Staff(People())
    staff.head.on_nomenclature = True
    staff.head.save()
    chairman = EmployeeFactory(user=collegium.chair)
    record = {**act(act_date=DAY), "actor": staff.people.hr}
    services.personnel_action_record_external(
        action=staff.action(chairman, A.APPOINTMENT, DAY, staff.legal, staff.head), **record
    )
    Membership.objects.filter(user=collegium.chair).update(position=staff.head)
    change = timezone.localdate() - datetime.timedelta(days=10)
    successor_user = UserFactory(username="successor")
    successor = EmployeeFactory(user=successor_user)

    services.personnel_action_record_external(
        action=staff.action(chairman, A.DISMISSAL, change - datetime.timedelta(days=1)),
        **{**record, "act_number": "700-р", "act_date": change - datetime.timedelta(days=2)},
    )
    services.personnel_action_record_external(
        action=staff.action(successor, A.APPOINTMENT, change, staff.legal, staff.head),
        **{**record, "act_number": "701-р", "act_date": change - datetime.timedelta(days=2)},
    )

    assert Membership.objects.get(user=collegium.chair).ends_on == change - datetime.timedelta(days=1)
    seat = Membership.objects.get(user=successor_user, body=collegium.body)
    assert (seat.role, seat.basis, seat.position, seat.starts_on) == (
        MemberRole.CHAIR,
        Basis.EX_OFFICIO,
        staff.head,
        change,
    )
    assert "701-р" in seat.basis_act


# Each refusal changes nothing.


def _unchanged(action):
    action.refresh_from_db()
    assert action.status == ActionStatus.PROPOSAL and not action.has_external_act()
    assert not PostHolding.objects.filter(action=action).exists()


def test_an_action_not_on_the_nomenclature_is_refused(board):
    action = board.staff.action(EmployeeFactory(), A.APPOINTMENT, FROM, board.staff.legal, board.staff.lawyer)
    with translation.override("ru"):
        message = _refused("not_nomenclature", lambda: board.record(action))
    assert "номенклатур" in message
    _unchanged(action)


def test_an_action_already_in_effect_is_refused(board):
    action = board.propose()
    board.record(action)
    _refused("status", lambda: board.record(action, act_number="999-р"))
    action.refresh_from_db()
    assert action.act_number == "512-р"


@pytest.mark.parametrize("field", ["act_kind", "act_issuer", "act_number", "act_date", "act_title_ky", "act_title_ru"])
def test_missing_act_data_is_refused(board, field):
    action = board.propose()
    _refused("no_act", lambda: board.record(action, **{field: None if field == "act_date" else "  "}))
    _unchanged(action)


def test_an_unknown_kind_of_act_is_refused(board):
    action = board.propose()
    with pytest.raises(ValidationError) as refused:
        board.record(action, act_kind="rumour")
    assert "act_kind" in refused.value.message_dict
    _unchanged(action)


def test_an_act_dated_in_the_future_is_refused(board):
    action = board.propose()
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    message = _refused("future_act", lambda: board.record(action, act_date=tomorrow))
    assert f"{tomorrow:%d.%m.%Y}" in message
    _unchanged(action)


def test_no_free_unit_when_the_act_is_recorded_is_refused(board):
    mine = board.propose()
    for _ in range(2):  # both units taken meanwhile (no service does it: the unit stays claimed)
        PostHolding.objects.create(
            employee=EmployeeFactory(), subdivision=board.board, position=board.deputy, date_from=DAY, action=mine
        )
    holdings = PostHolding.objects.count()
    _refused("no_free_unit", lambda: board.record(mine))
    mine.refresh_from_db()
    assert mine.status == ActionStatus.PROPOSAL and not mine.has_external_act()
    assert PostHolding.objects.count() == holdings


@pytest.mark.parametrize("who", ["chairman", "secretary", "deputy", "lawyer", "outsider"])
def test_only_hr_records_the_act(board, who):
    action = board.propose()
    with pytest.raises(PermissionDenied):
        board.record(action, actor=getattr(board.staff.people, who))
    _unchanged(action)


# The admin: the proposal's download and the button that records the act.


def _proposal_url(action, language=""):
    return f"/admin/snippets/staff/personnelaction/proposal/{action.pk}/" + (
        f"?language={language}" if language else ""
    )


@pytest.mark.parametrize(
    ("who", "allowed"),
    [("hr", True), ("chairman", True), ("secretary", False), ("deputy", False), ("lawyer", False)],
)
def test_hr_and_the_chairman_download_the_proposal(client, board, who, allowed):
    action = board.propose()
    client.force_login(getattr(board.staff.people, who))

    response = client.get(_proposal_url(action, "ru"))

    if not allowed:
        assert response.status_code in (302, 403)
        assert response.get("Content-Type") != "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        return
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="proposal-{action.pk}-ru.docx"'
    assert "ПРЕДСТАВЛЕНИЕ" in _paragraphs(response.content)
    assert "СУНУШ" in _paragraphs(client.get(_proposal_url(action)).content)
    page = client.get(f"/admin/snippets/staff/personnelaction/inspect/{action.pk}/").content.decode()
    assert _proposal_url(action) in page


def test_the_proposal_of_an_action_off_the_nomenclature_is_a_message_not_a_file(client, board):
    action = board.staff.action(EmployeeFactory(), A.APPOINTMENT, FROM, board.staff.legal, board.staff.lawyer)
    client.force_login(board.staff.people.hr)

    response = client.get(_proposal_url(action), follow=True)

    assert response.redirect_chain[-1][0].endswith(f"/personnelaction/inspect/{action.pk}/")
    assert "Бул кызмат орду номенклатурага кирбейт" in response.content.decode()
    assert _proposal_url(action) not in response.content.decode()


def _record_url(action):
    return f"/admin/snippets/staff/personnelaction/transition/{action.pk}/record_external/"


def _posted(**changes):
    data = act(**changes)
    return {key: (f"{value:%Y-%m-%d}" if isinstance(value, datetime.date) else value) for key, value in data.items()}


def test_hr_records_the_act_from_the_actions_page(client, board):
    action = board.propose()
    client.force_login(board.staff.people.hr)
    page = client.get(f"/admin/snippets/staff/personnelaction/inspect/{action.pk}/").content.decode()
    assert _record_url(action) in page

    refused = client.post(_record_url(action), _posted(act_number=""), follow=True)
    assert refused.status_code == 200
    _unchanged(action)

    client.post(_record_url(action), _posted())

    action.refresh_from_db()
    assert action.status == ActionStatus.EFFECTIVE and action.act_number == "512-р"
    page = client.get(f"/admin/snippets/staff/personnelaction/inspect/{action.pk}/").content.decode()
    assert "512-р" in page and _record_url(action) not in page and _proposal_url(action) not in page


def test_the_chairman_gets_no_button_and_a_post_changes_nothing(client, board):
    action = board.propose()
    client.force_login(board.staff.people.chairman)
    page = client.get(f"/admin/snippets/staff/personnelaction/inspect/{action.pk}/").content.decode()
    assert _record_url(action) not in page and _proposal_url(action) in page

    client.post(_record_url(action), _posted())

    _unchanged(action)
