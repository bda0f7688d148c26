from django.utils import timezone
from wagtail.permissions import register_permission_policy

from governance.access import objects
from governance.access.policy import list_filter, role_codes, rule, visible
from governance.access.wagtail import AccessPolicy
from governance.staff.enums import StaffingStatus
from governance.staff.models import (
    Delegation,
    Employee,
    EmployeeView,
    PersonnelAction,
    PostHolding,
    RankConferral,
    RankPeriod,
    StaffingTable,
    WageLimit,
)
from governance.structure.models import Subdivision
from governance.structure.selectors import subtree_ids

LEADERSHIP = ("chairman", "deputy_chairman", "state_secretary")


def _any_role(user, *codes) -> bool:
    return bool(role_codes(user) & set(codes))


def is_hr(user) -> bool:
    return "hr_officer" in role_codes(user)


@rule("staff.add_delegation")
def add_delegation(user, obj=None):
    return "chairman" in role_codes(user)


@rule("staff.view_delegation")
def view_delegation(user, obj=None):
    return _any_role(user, *LEADERSHIP, "hr_officer")


@list_filter("staff.view_delegation")
def visible_delegations(user, queryset):
    return queryset if view_delegation(user) else queryset.none()


# The staffing table and its limits: HR keeps them, the leadership reads them, the chairman approves
# them by signing the order that carries them (no button approves).


def _reads_staffing(user) -> bool:
    return _any_role(user, *LEADERSHIP, "hr_officer")


@rule("staff.view_staffingtable")
def view_staffingtable(user, table=None):
    return _reads_staffing(user)


@rule("staff.add_staffingtable")
def add_staffingtable(user, table=None):
    return is_hr(user)


@rule("staff.change_staffingtable")
def change_staffingtable(user, table=None):
    return is_hr(user) and (table is None or table.status == StaffingStatus.DRAFT)


@rule("staff.delete_staffingtable")
def delete_staffingtable(user, table=None):
    return is_hr(user) and table is not None and table.status == StaffingStatus.DRAFT


@rule("staff.staffing_propose")
def staffing_propose(user, table=None):
    return is_hr(user)


@rule("staff.staffing_approve")
def staffing_approve(user, table=None):
    return False  # only the signing of the approving order


@rule("staff.view_wagelimit")
def view_wagelimit(user, limit=None):
    return _reads_staffing(user)


@rule("staff.add_wagelimit")
def add_wagelimit(user, limit=None):
    return is_hr(user)


@rule("staff.change_wagelimit")
def change_wagelimit(user, limit=None):
    return is_hr(user)


for action, check in (
    ("staff.view_staffingtable", view_staffingtable),
    ("staff.change_staffingtable", change_staffingtable),
    ("staff.delete_staffingtable", delete_staffingtable),
    ("staff.view_wagelimit", view_wagelimit),
    ("staff.change_wagelimit", change_wagelimit),
):

    def narrowed(user, queryset, check=check):
        if check is delete_staffingtable or check is change_staffingtable:
            return queryset.filter(status=StaffingStatus.DRAFT) if is_hr(user) else queryset.none()
        return queryset if check(user) else queryset.none()

    list_filter(action)(narrowed)


# Personnel records are personal data: HR reads all, a head the staff of the subtree they head,
# an employee their own record.


# Kept on the user object for the request; a right granted or revoked drops them (objects.forget).
objects.USER_CACHES.update({"_headed_subdivisions", "_headed_staff"})


def headed_subdivisions(user) -> set[int]:
    """The subdivisions (with everything under them) ``user`` heads: those granted to them to change."""
    cached = getattr(user, "_headed_subdivisions", None)
    if cached is None:
        cached = set()
        if "head_of_subdivision" in role_codes(user):
            cached = subtree_ids(visible(user, "structure.change_subdivision", Subdivision.objects.all()))
        user._headed_subdivisions = cached  # asked for every row of a list: once per request
    return cached


def _staff_of(subdivision_ids: set[int]):
    today = timezone.localdate()
    return PostHolding.objects.on(today).filter(subdivision_id__in=subdivision_ids).values("employee_id")


def _headed_staff(user) -> set[int]:
    cached = getattr(user, "_headed_staff", None)
    if cached is None:
        headed = headed_subdivisions(user)
        cached = set(_staff_of(headed).values_list("employee_id", flat=True)) if headed else set()
        user._headed_staff = cached
    return cached


def _owns_a_record(user) -> bool:
    cached = getattr(user, "_owns_a_record", None)
    if cached is None:
        cached = user._owns_a_record = Employee.objects.filter(user_id=user.pk).exists()
    return cached


@rule("staff.view_employee")
def view_employee(user, employee=None):
    if is_hr(user):
        return True
    if employee is None:
        # whoever may read some record reaches the list, narrowed below to those records
        return bool(_headed_staff(user)) or _owns_a_record(user)
    if employee.user_id is not None and employee.user_id == user.pk:
        return True
    return employee.pk in _headed_staff(user)


@list_filter("staff.view_employee")
def visible_employees(user, queryset):
    if is_hr(user):
        return queryset
    headed = headed_subdivisions(user)
    own = queryset.filter(user_id=user.pk)
    return (queryset.filter(pk__in=_staff_of(headed)) | own) if headed else own


@rule("staff.add_employee")
def add_employee(user, employee=None):
    return is_hr(user)


@rule("staff.change_employee")
def change_employee(user, employee=None):
    return is_hr(user)


@list_filter("staff.change_employee")
def changeable_employees(user, queryset):
    return queryset if is_hr(user) else queryset.none()


@rule("staff.view_vacancies")
def view_vacancies(user, obj=None):
    """The vacancy report: whoever reads the staffing table, and a head for the subtree they head."""
    return _reads_staffing(user) or bool(headed_subdivisions(user))


def vacancy_subdivisions(user) -> set[int] | None:
    """The subdivisions whose posts the vacancy report shows ``user``: None for all of them."""
    return None if _reads_staffing(user) else headed_subdivisions(user)


@rule("staff.view_personnelaction")
def view_personnelaction(user, action=None):
    return _any_role(user, "chairman", "state_secretary", "hr_officer")


@list_filter("staff.view_personnelaction")
def visible_actions(user, queryset):
    return queryset if view_personnelaction(user) else queryset.none()


@rule("staff.add_personnelaction")
def add_personnelaction(user, action=None):
    return is_hr(user)


@rule("staff.action_take_effect")
def action_take_effect(user, action=None):
    return False  # only the signing of the personnel order


@rule("staff.action_record_external")
def action_record_external(user, action=None):
    """HR records the external act that made an action on a nomenclature post."""
    return is_hr(user)


@rule("staff.nomenclature_proposal")
def nomenclature_proposal(user, action=None):
    """The chairman's proposal to the Prime Minister: HR prepares it, the chairman signs it."""
    return _any_role(user, "chairman", "hr_officer")


@rule("staff.view_employeeview")
def view_employeeview(user, view=None):
    return is_hr(user)


@list_filter("staff.view_employeeview")
def visible_employee_views(user, queryset):
    return queryset if is_hr(user) else queryset.none()


# Class ranks: HR records them and sets the periods; a conferral is recorded once (a correction is
# the next conferral); the leadership reads the periods.


@rule("staff.view_rankconferral")
def view_rankconferral(user, conferral=None):
    return is_hr(user)


@rule("staff.add_rankconferral")
def add_rankconferral(user, conferral=None):
    return is_hr(user)


@rule("staff.view_rankperiod")
def view_rankperiod(user, period=None):
    return _reads_staffing(user)


@rule("staff.add_rankperiod")
def add_rankperiod(user, period=None):
    return is_hr(user)


@rule("staff.change_rankperiod")
def change_rankperiod(user, period=None):
    return is_hr(user)


for action, check in (
    ("staff.view_rankconferral", view_rankconferral),
    ("staff.view_rankperiod", view_rankperiod),
    ("staff.change_rankperiod", change_rankperiod),
):
    list_filter(action)(lambda user, queryset, check=check: queryset if check(user) else queryset.none())


# Delegations are recorded once, versions of the staffing table and personnel actions change only
# through their services: no other rule changes or deletes them.
for model in (
    Delegation,
    StaffingTable,
    WageLimit,
    Employee,
    PersonnelAction,
    EmployeeView,
    RankConferral,
    RankPeriod,
):
    register_permission_policy(model, AccessPolicy(model))
