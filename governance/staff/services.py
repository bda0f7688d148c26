import datetime
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from governance.access import policy
from governance.orders import services as order_services
from governance.staff.enums import (
    ACTION_LIFECYCLE,
    STAFFING_LIFECYCLE,
    TAKES_POST,
    TAKES_UNIT,
    ActionKind,
    ActionStatus,
    StaffingStatus,
)
from governance.staff.models import (
    Delegation,
    Employee,
    EmployeeView,
    PersonnelAction,
    PostHolding,
    RankConferral,
    RankPeriod,
    StaffingRow,
    StaffingTable,
    WageLimit,
)
from governance.staff.selectors import RANK_ORDER, may_act_for_chairman, post_on, staffing_in_force, staffing_totals
from governance.staff.signals import action_took_effect
from governance.structure import services as structure_services
from governance.structure.models import Subdivision


@transaction.atomic
def delegation_create(
    *, actor, delegate, date_from: datetime.date, date_to: datetime.date, basis: str = "", basis_order=None
) -> Delegation:
    """The chairman gives a deputy the chairman's powers for dated days."""
    policy.require(actor, "staff.add_delegation")
    if delegate.pk == actor.pk:
        raise ValidationError({"delegate": _("The chairman's powers are delegated to someone else.")})
    if not may_act_for_chairman(delegate):
        raise ValidationError({"delegate": _("Only a deputy chairman may act for the chairman.")})
    delegation = Delegation(
        delegate=delegate,
        date_from=date_from,
        date_to=date_to,
        basis=basis,
        basis_order=basis_order,
        created_by=actor,
    )
    delegation.full_clean()
    delegation.save()
    log(instance=delegation, action="wagtail.create", user=actor)
    return delegation


# The staffing table.


def _money(value: Decimal) -> str:
    return f"{value:,.2f}".replace(",", " ")


def _row_label(subdivision, position) -> str:
    return f"{subdivision.name()} — {position.title()}"


def staffing_rows_adding(table: StaffingTable) -> list[StaffingRow]:
    """The rows that add units or salary to the version in force before ``table`` (all, if none)."""
    previous = StaffingTable.objects.approved().exclude(pk=table.pk).filter(effective_from__lte=table.effective_from)
    previous = previous.order_by("-effective_from").first()
    before = {}
    if previous is not None:
        before = {(r.subdivision_id, r.position_id): r for r in previous.rows.all()}
    adding = []
    for row in table.rows.select_related("subdivision", "position"):
        old = before.get((row.subdivision_id, row.position_id))
        if old is None or row.units > old.units or row.monthly_salary > old.monthly_salary:
            adding.append(row)
    return adding


def _rows_adding(table: StaffingTable) -> list[str]:
    return [_row_label(row.subdivision, row.position) for row in staffing_rows_adding(table)]


def staffing_limit_errors(table: StaffingTable) -> list[str]:
    """Why ``table`` exceeds its year's limits: by how much, and which rows add to it; empty if it keeps them."""
    year = table.effective_from.year
    limit = WageLimit.objects.filter(year=year).first()
    if limit is None:
        return [_("No staff-number limit and wage fund are set for %(year)s.") % {"year": year}]
    units, monthly = staffing_totals(table)
    yearly = monthly * 12
    errors = []
    if units > limit.staff_limit:
        errors.append(
            _("The version has %(total)s units: %(excess)s over the staff-number limit of %(limit)s for %(year)s.")
            % {"total": units, "excess": units - limit.staff_limit, "limit": limit.staff_limit, "year": year}
        )
    if yearly > limit.wage_fund:
        errors.append(
            _("Its salaries come to %(total)s a year: %(excess)s over the wage fund of %(limit)s for %(year)s.")
            % {
                "total": _money(yearly),
                "excess": _money(yearly - limit.wage_fund),
                "limit": _money(limit.wage_fund),
                "year": year,
            }
        )
    if errors:
        errors.append(_("Rows that add to it: %(rows)s.") % {"rows": "; ".join(_rows_adding(table)) or "—"})
    return errors


def _check_limits(table: StaffingTable) -> None:
    errors = staffing_limit_errors(table)
    if errors:
        raise ValidationError(errors, code="over_limits")


@transaction.atomic
def wage_limit_set(*, actor, year: int, staff_limit: int, wage_fund: Decimal) -> WageLimit:
    policy.require(actor, "staff.add_wagelimit")
    limit, created = WageLimit.objects.update_or_create(
        year=year, defaults={"staff_limit": staff_limit, "wage_fund": wage_fund}
    )
    log(instance=limit, action="wagtail.create" if created else "wagtail.edit", user=actor)
    return limit


@transaction.atomic
def staffing_table_create(
    *,
    actor,
    title: str,
    effective_from: datetime.date,
    rows: Sequence[tuple] = (),
    based_on: StaffingTable | None = None,
) -> StaffingTable:
    """A draft version: its rows given as (subdivision, position, units, monthly salary), or copied."""
    policy.require(actor, "staff.add_staffingtable")
    table = StaffingTable(title=title, effective_from=effective_from, created_by=actor)
    table.full_clean()
    table.save()
    if based_on is not None:
        rows = [(r.subdivision, r.position, r.units, r.monthly_salary) for r in based_on.rows.all()]
    for subdivision, position, units, salary in rows:
        row = StaffingRow(table=table, subdivision=subdivision, position=position, units=units, monthly_salary=salary)
        row.full_clean()
        row.save()
    log(instance=table, action="wagtail.create", user=actor)
    return table


@transaction.atomic
def staffing_row_set(*, actor, table: StaffingTable, subdivision, position, units: int, monthly_salary: Decimal):
    """Put a row in a draft version, change it, or (``units`` 0) take it out."""
    table = StaffingTable.objects.select_for_update().get(pk=table.pk)
    policy.require(actor, "staff.change_staffingtable")
    if table.status != StaffingStatus.DRAFT:
        raise ValidationError(_("Only a draft version of the staffing table can be changed."), code="status")
    StaffingRow.objects.filter(table=table, subdivision=subdivision, position=position).delete()
    if units:
        row = StaffingRow(
            table=table, subdivision=subdivision, position=position, units=units, monthly_salary=monthly_salary
        )
        row.full_clean()
        row.save()
    log(instance=table, action="wagtail.edit", user=actor)
    return table


def _draft_locked(actor, table_pk) -> StaffingTable:
    """The version, locked, if ``actor`` keeps the staffing table and it is still a draft."""
    table = StaffingTable.objects.select_for_update().get(pk=table_pk)
    policy.require(actor, "staff.change_staffingtable")
    if table.status != StaffingStatus.DRAFT:
        raise ValidationError(_("Only a draft version of the staffing table can be changed."), code="status")
    return table


def _check_row_figures(units, monthly_salary) -> None:
    errors = {}
    if units is None or units < 1:
        errors["units"] = ValidationError(_("A row has at least one unit."), code="units")
    if monthly_salary is None or monthly_salary <= 0:
        errors["monthly_salary"] = ValidationError(_("A unit's monthly salary must be above zero."), code="salary")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def staffing_row_add(
    *, actor, table: StaffingTable, subdivision, position, units: int, monthly_salary: Decimal
) -> StaffingRow:
    """Add a post to a draft version: a subdivision that exists on its date, a position not yet in it."""
    table = _draft_locked(actor, table.pk)
    _check_row_figures(units, monthly_salary)
    if not Subdivision.objects.on(table.effective_from).filter(pk=subdivision.pk).exists():
        message = _("This subdivision does not exist on the day the version takes effect.")
        raise ValidationError({"subdivision": ValidationError(message, code="no_subdivision")})
    if table.rows.filter(subdivision=subdivision, position=position).exists():
        message = _("The version already has the post “%(post)s”: change its row instead.") % {
            "post": _row_label(subdivision, position)
        }
        raise ValidationError({"position": ValidationError(message, code="duplicate")})
    row = StaffingRow(
        table=table, subdivision=subdivision, position=position, units=units, monthly_salary=monthly_salary
    )
    row.full_clean()
    row.save()
    log(instance=table, action="wagtail.edit", user=actor)
    return row


@transaction.atomic
def staffing_row_change(*, actor, row: StaffingRow, units: int, monthly_salary: Decimal) -> StaffingRow:
    """Change the units and the salary of a row of a draft version."""
    table = _draft_locked(actor, row.table_id)
    row = StaffingRow.objects.select_related("subdivision", "position").get(pk=row.pk, table=table)
    _check_row_figures(units, monthly_salary)
    row.units, row.monthly_salary = units, monthly_salary
    row.full_clean()
    row.save()
    log(instance=table, action="wagtail.edit", user=actor)
    return row


@transaction.atomic
def staffing_row_remove(*, actor, row: StaffingRow) -> None:
    """Take a row out of a draft version."""
    table = _draft_locked(actor, row.table_id)
    StaffingRow.objects.filter(pk=row.pk, table=table).delete()
    log(instance=table, action="wagtail.edit", user=actor)


@transaction.atomic
def staffing_table_save(*, actor, table: StaffingTable) -> StaffingTable:
    """Save a draft version's title and date, edited in the admin's form."""
    stored = StaffingTable.objects.select_for_update().get(pk=table.pk)
    policy.require(actor, "staff.change_staffingtable", stored)
    table.status, table.order_id, table.created_by_id = stored.status, stored.order_id, stored.created_by_id
    table.full_clean()
    table.save()
    log(instance=table, action="wagtail.edit", user=actor)
    return table


STAFFING_TITLE = ("Штаттык ырааттаманы бекитүү жөнүндө", "Об утверждении штатного расписания")
STAFFING_POINT = (
    "{date} баштап күчүнө кирүүчү штаттык ырааттама бекитилсин: {units} штаттык бирдик, "
    "айлык эмгек акы фонду {monthly} сом.",
    "Утвердить штатное расписание, вводимое в действие с {date}: {units} штатных единиц, "
    "месячный фонд оплаты труда {monthly} сом.",
)


@transaction.atomic
def staffing_table_propose(*, actor, table: StaffingTable, series, approvers: Sequence = ()) -> StaffingTable:
    """Draft the chairman's order that approves ``table``; the version keeps its limits or is refused."""
    table = StaffingTable.objects.select_for_update().get(pk=table.pk)
    policy.require(actor, "staff.staffing_propose", table)
    STAFFING_LIFECYCLE.check("propose", table)
    if not table.rows.exists():
        raise ValidationError(_("The version has no rows."), code="empty")
    _check_limits(table)
    units, monthly = staffing_totals(table)
    values = {"date": f"{table.effective_from:%d.%m.%Y}", "units": units, "monthly": _money(monthly)}
    table.order = order_services.order_create_draft(
        actor=actor,
        series=series,
        title_ky=STAFFING_TITLE[0],
        title_ru=STAFFING_TITLE[1],
        points=[(STAFFING_POINT[0].format(**values), STAFFING_POINT[1].format(**values))],
        approvers=approvers,
    )
    table.status = StaffingStatus.PROPOSED
    table.save(update_fields=["order", "status"])
    log(instance=table, action=STAFFING_LIFECYCLE.log_action("propose"), user=actor)
    return table


def _approve_tables(order, actor) -> None:
    for table in StaffingTable.objects.select_for_update().filter(order=order):
        STAFFING_LIFECYCLE.check("approve", table)
        _check_limits(table)
        if StaffingTable.objects.approved().filter(effective_from=table.effective_from).exists():
            raise ValidationError(
                _("Another approved version already takes effect on %(date)s.")
                % {"date": f"{table.effective_from:%d.%m.%Y}"},
                code="same_day",
            )
        table.status = StaffingStatus.APPROVED
        table.save(update_fields=["status"])
        log(instance=table, action=STAFFING_LIFECYCLE.log_action("approve"), user=actor)


# People and personnel actions.


@transaction.atomic
def employee_create(
    *,
    actor,
    full_name_ky: str,
    full_name_ru: str,
    personnel_number: str,
    phone: str = "",
    email: str = "",
    user=None,
) -> Employee:
    policy.require(actor, "staff.add_employee")
    employee = Employee(
        full_name_ky=full_name_ky,
        full_name_ru=full_name_ru,
        personnel_number=personnel_number,
        phone=phone,
        email=email,
        user=user,
    )
    employee.full_clean()
    employee.save()
    log(instance=employee, action="wagtail.create", user=actor)
    return employee


@transaction.atomic
def employee_save(*, actor, employee: Employee) -> Employee:
    """Save a personnel record edited in the admin's form."""
    policy.require(actor, "staff.change_employee", employee)
    employee.full_clean()
    employee.save()
    log(instance=employee, action="wagtail.edit", user=actor)
    return employee


def employee_record_viewed(*, actor, employee: Employee) -> None:
    """Note that ``actor`` read ``employee``'s record, unless it is their own (personal data)."""
    policy.require(actor, "staff.view_employee", employee)
    if employee.user_id != actor.pk:
        EmployeeView.objects.create(employee=employee, viewer=actor)


def _post_name(subdivision, position) -> dict:
    return {"position": position.title(), "subdivision": subdivision.name()}


def _occupied_from(day, subdivision, position, employee) -> int:
    """Holders of the post on ``day`` or after it (other than ``employee``): an open-ended appointment
    from ``day`` must not meet any of them."""
    return (
        PostHolding.objects.filter(subdivision=subdivision, position=position, acting=False)
        .filter(Q(date_to__isnull=True) | Q(date_to__gte=day))
        .exclude(employee=employee)
        .count()
    )


def _check_action(action: PersonnelAction, *, at_signing: bool) -> None:
    """Refuse, in the user's language, an action the staffing table or the post history does not allow."""
    day = f"{action.date:%d.%m.%Y}"
    name = action.employee.full_name()
    if action.kind in TAKES_POST:
        if action.subdivision is None or action.position is None:
            raise ValidationError(_("Name the subdivision and the position."), code="no_post")
        table = staffing_in_force(action.date)
        if table is None:
            raise ValidationError(
                _("No version of the staffing table is in force on %(date)s.") % {"date": day}, code="not_in_force"
            )
        row = table.rows.filter(subdivision=action.subdivision, position=action.position).first()
        if row is None:
            raise ValidationError(
                _("The staffing table in force on %(date)s has no post “%(position)s” in “%(subdivision)s”.")
                % {"date": day, **_post_name(action.subdivision, action.position)},
                code="not_in_force",
            )
    current = post_on(action.employee, action.date)
    if action.kind == ActionKind.APPOINTMENT and current is not None:
        raise ValidationError(
            _("%(name)s already holds a post on %(date)s: propose a transfer.") % {"name": name, "date": day},
            code="holds_post",
        )
    if action.kind in (ActionKind.TRANSFER, ActionKind.DISMISSAL) and current is None:
        first = action.employee.posts.order_by("date_from").first()
        if action.kind == ActionKind.DISMISSAL and (first is None or first.date_from > action.date):
            raise ValidationError(
                _("%(name)s cannot be dismissed on %(date)s: that comes before the appointment.")
                % {"name": name, "date": day},
                code="before_appointment",
            )
        raise ValidationError(_("%(name)s holds no post on %(date)s.") % {"name": name, "date": day}, code="no_post")
    if action.kind in TAKES_UNIT:
        held = _occupied_from(action.date, action.subdivision, action.position, action.employee)
        if held >= row.units:
            raise ValidationError(
                _("No free unit of “%(position)s” in “%(subdivision)s” on %(date)s: all %(units)s are occupied.")
                % {"date": day, "units": row.units, **_post_name(action.subdivision, action.position)},
                code="no_free_unit",
            )
        if not at_signing:
            claims = PersonnelAction.objects.filter(
                status=ActionStatus.PROPOSAL,
                kind__in=TAKES_UNIT,
                subdivision=action.subdivision,
                position=action.position,
            ).exclude(pk=action.pk)
            claim = claims.select_related("employee").first()
            if claim is not None and held + claims.count() >= row.units:
                raise ValidationError(
                    _(
                        "The last free unit of “%(position)s” in “%(subdivision)s” is already proposed for "
                        "%(other)s: one unit cannot have two holders."
                    )
                    % {"other": claim.employee.full_name(), **_post_name(action.subdivision, action.position)},
                    code="two_holders",
                )


@transaction.atomic
def personnel_action_propose(
    *,
    actor,
    employee: Employee,
    kind: str,
    date: datetime.date,
    grounds_ky: str,
    grounds_ru: str,
    subdivision=None,
    position=None,
) -> PersonnelAction:
    """A proposal: it changes no post until the personnel order carrying it is signed."""
    policy.require(actor, "staff.add_personnelaction")
    action = PersonnelAction(
        employee=employee,
        kind=kind,
        date=date,
        subdivision=subdivision if kind in TAKES_POST else None,
        position=position if kind in TAKES_POST else None,
        grounds_ky=grounds_ky,
        grounds_ru=grounds_ru,
        created_by=actor,
    )
    action.full_clean()
    _check_action(action, at_signing=False)
    action.save()
    log(instance=action, action="wagtail.create", user=actor)
    return action


ACTION_TEXTS = {
    ActionKind.APPOINTMENT: (
        "{name_ky} {date} баштап {subdivision_ky} {position_ky} кызматына дайындалсын.",
        "Назначить {name_ru} на должность «{position_ru}» ({subdivision_ru}) с {date}.",
    ),
    ActionKind.TRANSFER: (
        "{name_ky} {date} баштап {subdivision_ky} {position_ky} кызматына которулсун.",
        "Перевести {name_ru} на должность «{position_ru}» ({subdivision_ru}) с {date}.",
    ),
    ActionKind.ACTING: (
        "{date} баштап {subdivision_ky} {position_ky} кызматынын милдетин аткаруу {name_ky} жүктөлсүн.",
        "Возложить исполнение обязанностей по должности «{position_ru}» ({subdivision_ru}) на {name_ru} с {date}.",
    ),
    ActionKind.DISMISSAL: (
        "{name_ky} {date} ээлеген кызматынан бошотулсун.",
        "Освободить {name_ru} от занимаемой должности {date}.",
    ),
}
GROUNDS = ("Негиз: {grounds}.", "Основание: {grounds}.")
PERSONNEL_TITLE = ("Жеке курам боюнча", "По личному составу")


def personnel_action_texts(action: PersonnelAction) -> tuple[str, str]:
    """The order's point for one action, in Kyrgyz and in Russian."""
    values = {
        "date": f"{action.date:%d.%m.%Y}",
        "name_ky": action.employee.full_name_ky,
        "name_ru": action.employee.full_name_ru,
        "subdivision_ky": action.subdivision.name_ky if action.subdivision else "",
        "subdivision_ru": action.subdivision.name_ru if action.subdivision else "",
        "position_ky": action.position.title_ky if action.position else "",
        "position_ru": action.position.title_ru if action.position else "",
    }
    ky, ru = ACTION_TEXTS[action.kind]
    return (
        f"{ky.format(**values)} {GROUNDS[0].format(grounds=action.grounds_ky.rstrip('.'))}",
        f"{ru.format(**values)} {GROUNDS[1].format(grounds=action.grounds_ru.rstrip('.'))}",
    )


@transaction.atomic
def personnel_order_draft(*, actor, actions: Sequence[PersonnelAction], series, approvers: Sequence = ()):
    """Draft the personnel order that carries ``actions``: one point per action, in both languages."""
    policy.require(actor, "staff.add_personnelaction")
    actions = list(
        PersonnelAction.objects.select_for_update(of=("self",))
        .filter(pk__in=[a.pk for a in actions])
        .select_related("employee", "subdivision", "position")
        .order_by("date", "pk")
    )
    if not actions:
        raise ValidationError(_("Choose the personnel actions the order carries."), code="empty")
    if any(a.status != ActionStatus.PROPOSAL or a.order_id is not None for a in actions):
        raise ValidationError(_("Only proposals not yet in an order can be put in one."), code="status")
    for action in actions:
        _refuse_nomenclature(action)
    order = order_services.order_create_draft(
        actor=actor,
        series=series,
        title_ky=PERSONNEL_TITLE[0],
        title_ru=PERSONNEL_TITLE[1],
        points=[personnel_action_texts(action) for action in actions],
        approvers=approvers,
    )
    PersonnelAction.objects.filter(pk__in=[a.pk for a in actions]).update(order=order)
    return order


def _refuse_nomenclature(action: PersonnelAction) -> None:
    """An action on a nomenclature post is not the agency's to order: the Prime Minister's act makes it."""
    post = action.nomenclature_post()
    if post is not None:
        raise ValidationError(
            _(
                "“%(position)s” is on the nomenclature: the action concerning %(name)s is not carried by the "
                "agency's order; the chairman proposes it to the Prime Minister, and the act that makes it is recorded."
            )
            % {"position": post[1].title(), "name": action.employee.full_name()},
            code="nomenclature",
        )


def _heads_follow(action: PersonnelAction, actor) -> None:
    """The right to change a subdivision and its subtree goes with its head's post: whoever takes
    the post (or acts in it) gets it, whoever leaves it by a transfer or a dismissal loses it."""
    user = action.employee.user
    if user is None:
        return
    if action.kind in (ActionKind.TRANSFER, ActionKind.DISMISSAL):
        held = PostHolding.objects.on(action.date).filter(employee=action.employee).select_related("subdivision")
        for holding in held:
            if holding.subdivision.head_position_id == holding.position_id:
                structure_services.head_right_follows(
                    subdivision=holding.subdivision, leaving=user, coming=None, actor=actor
                )
    if action.kind in TAKES_POST and action.subdivision.head_position_id == action.position_id:
        structure_services.head_right_follows(
            subdivision=action.subdivision,
            leaving=None,
            coming=user,
            actor=actor,
            alone=action.kind != ActionKind.ACTING,
        )


def _apply(action: PersonnelAction, actor, transition: str = "take_effect") -> None:
    ACTION_LIFECYCLE.check(transition, action)
    _check_action(action, at_signing=True)
    _heads_follow(action, actor)
    if action.kind == ActionKind.TRANSFER:
        PostHolding.objects.on(action.date).filter(employee=action.employee, acting=False).update(
            date_to=action.date - datetime.timedelta(days=1)
        )
    if action.kind == ActionKind.DISMISSAL:
        PostHolding.objects.filter(employee=action.employee).filter(
            Q(date_to__isnull=True) | Q(date_to__gt=action.date)
        ).update(date_to=action.date)
    if action.kind in TAKES_POST:
        PostHolding.objects.create(
            employee=action.employee,
            subdivision=action.subdivision,
            position=action.position,
            acting=action.kind == ActionKind.ACTING,
            date_from=action.date,
            action=action,
        )
    action.status = ActionStatus.EFFECTIVE
    action.save(update_fields=["status", *PersonnelAction.ACT_FIELDS])
    log(instance=action, action=ACTION_LIFECYCLE.log_action(transition), user=actor)
    action_took_effect.send(sender=PersonnelAction, action=action, actor=actor)


def order_signed(*, order, actor) -> None:
    """The order was signed (inside its transaction): approve the versions it carries and put its
    personnel actions into effect, in the order of their dates. A refusal refuses the signing."""
    _approve_tables(order, actor)
    actions = (
        PersonnelAction.objects.select_for_update(of=("self",))
        .filter(order=order)
        .select_related("employee", "subdivision", "position")
        .order_by("date", "pk")
    )
    for action in actions:
        _refuse_nomenclature(action)  # the post was put on the nomenclature after the order was drafted
        _apply(action, actor)


@transaction.atomic
def personnel_action_record_external(
    *,
    actor,
    action: PersonnelAction,
    act_kind: str,
    act_issuer: str,
    act_number: str,
    act_date: datetime.date | None,
    act_title_ky: str,
    act_title_ru: str,
) -> PersonnelAction:
    """Record the external act (the Prime Minister's order, a Government decree) that made an action
    on a nomenclature post; the action takes effect on its date as a signed order's would."""
    action = (
        PersonnelAction.objects.select_for_update(of=("self",))
        .select_related("employee", "subdivision", "position")
        .get(pk=action.pk)
    )
    policy.require(actor, "staff.action_record_external", action)
    if action.nomenclature_post() is None:
        raise ValidationError(
            _("The post is not on the nomenclature: the action takes effect by the agency's personnel order."),
            code="not_nomenclature",
        )
    ACTION_LIFECYCLE.check("record_external", action)
    if action.order_id is not None:
        raise ValidationError(_("The action is already in a personnel order."), code="in_order")
    values = {
        "act_kind": act_kind,
        "act_issuer": (act_issuer or "").strip(),
        "act_number": (act_number or "").strip(),
        "act_date": act_date,
        "act_title_ky": (act_title_ky or "").strip(),
        "act_title_ru": (act_title_ru or "").strip(),
    }
    for name, value in values.items():
        setattr(action, name, value)
    missing = action.missing_act_fields()
    if missing:
        raise ValidationError(
            _("Name the external act: its kind, issuer, number, date and title in both languages."), code="no_act"
        )
    if act_date > timezone.localdate():
        raise ValidationError(
            _("The act is dated %(date)s, a day still to come.") % {"date": f"{act_date:%d.%m.%Y}"},
            code="future_act",
        )
    action.full_clean()
    _apply(action, actor, transition="record_external")
    return action


# Class ranks.


@transaction.atomic
def rank_period_set(*, actor, rank: str, years: int) -> RankPeriod:
    """Set how many years a civil servant holds ``rank`` before the next may be conferred."""
    policy.require(actor, "staff.add_rankperiod")
    period = RankPeriod.objects.filter(rank=rank).first() or RankPeriod(rank=rank)
    created = period.pk is None
    period.years = years
    period.full_clean(validate_unique=created)
    period.save()
    log(instance=period, action="wagtail.create" if created else "wagtail.edit", user=actor)
    return period


def _check_rank_order(conferral: RankConferral) -> None:
    """Ranks follow each other upwards in time: a rank above another is conferred after it."""
    place = RANK_ORDER.index(conferral.rank)
    others = RankConferral.objects.filter(employee=conferral.employee).exclude(pk=conferral.pk)
    for other in others:
        other_place = RANK_ORDER.index(other.rank)
        if other.date == conferral.date or (other.date < conferral.date) != (other_place < place):
            raise ValidationError(
                {
                    "rank": _("%(rank)s conferred on %(date)s does not follow the order of ranks.")
                    % {"rank": other.get_rank_display(), "date": f"{other.date:%d.%m.%Y}"}
                },
                code="rank_order",
            )


@transaction.atomic
def rank_confer(
    *, actor, employee: Employee, rank: str, date: datetime.date, basis_order=None, basis_act: str = ""
) -> RankConferral:
    """Record a class rank conferred on ``employee``, with the order or the external act that conferred it."""
    policy.require(actor, "staff.add_rankconferral")
    conferral = RankConferral(
        employee=employee, rank=rank, date=date, basis_order=basis_order, basis_act=basis_act, created_by=actor
    )
    conferral.full_clean()
    _check_rank_order(conferral)
    conferral.save()
    log(instance=conferral, action="wagtail.create", user=actor)
    return conferral
