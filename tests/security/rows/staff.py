"""Structure and staff: positions, the staffing table, yearly limits, employees (personal data),
personnel actions and the log of views of personnel records; the vacancy report and the public
structure page."""

from governance.access import policy
from tests.security.matrix import ANONYMOUS, BAD, DENIED, LOGIN, METHOD, OK, REDIRECT, Row, admin, everyone
from tests.security.rows.snippets import _object_rows, _rows

MODELS = [
    ("structure", "position", ["position"]),
    ("staff", "staffingtable", ["staffing_in_force", "staffing_draft"]),
    ("staff", "wagelimit", ["wage_limit"]),
    ("staff", "employee", ["employee_legal", "employee_own"]),
    ("staff", "personnelaction", ["action_effective", "action_proposal", "action_nomenclature"]),
    ("staff", "employeeview", ["employee_view"]),
    ("staff", "rankconferral", ["rank_conferral"]),
    ("staff", "rankperiod", ["rank_period"]),
]


def _inspect_rows(app, model, names):
    return _object_rows(app, model, names, "inspect", "view")


def _bad_date(who, world):
    """A file asked for a date that is none: the report page with the form's message, no file."""
    if who == ANONYMOUS:
        return frozenset({LOGIN})
    return frozenset({BAD}) if policy.can(world.users[who], "staff.view_vacancies") else frozenset({DENIED})


def _transition(who, world):
    return frozenset({LOGIN}) if who == ANONYMOUS else frozenset({METHOD})


def _proposal(name, refused):
    """The chairman's proposal to the Prime Minister: a file for HR and the chairman; for an action off
    the nomenclature, the action's page with the message (a redirect)."""

    def expect(who, world):
        if who == ANONYMOUS:
            return frozenset({LOGIN})
        if not policy.can(world.users[who], "staff.nomenclature_proposal", world.objects[name]):
            return frozenset({DENIED})
        return frozenset({refused})

    return expect


ROWS = [row for app, model, names in MODELS for row in _rows(app, model, names)]
ROWS += _inspect_rows("staff", "staffingtable", ["staffing_in_force", "staffing_draft"])
ROWS += _object_rows("staff", "staffingtable", ["staffing_in_force", "staffing_draft"], "docx", "view")
ROWS += _object_rows("staff", "staffingtable", ["staffing_in_force", "staffing_draft"], "xlsx", "view")
ROWS += _object_rows("staff", "staffingtable", ["staffing_in_force", "staffing_draft"], "rows", "view")
ROWS += _inspect_rows("staff", "employee", ["employee_legal", "employee_own"])
ROWS += _inspect_rows("staff", "personnelaction", ["action_effective", "action_proposal", "action_nomenclature"])
ROWS += _inspect_rows("staff", "rankconferral", ["rank_conferral"])
ROWS += [
    Row(
        # POST only: a GET is refused whatever the reader (the screen's forms post here)
        ("wagtailsnippets_staff_staffingtable:row_change", "wagtailsnippets_staff_staffingtable:row_remove"),
        _transition,
        lambda world: [
            f"/admin/snippets/staff/staffingtable/rows/{table.pk}/{step}/{table.rows.first().pk}/"
            for table in (world.objects["staffing_in_force"], world.objects["staffing_draft"])
            for step in ("change", "remove")
        ],
    ),
    Row(
        ("wagtailsnippets_staff_staffingtable:transition",),
        _transition,
        lambda world: [f"/admin/snippets/staff/staffingtable/transition/{world.objects['staffing_draft'].pk}/propose/"],
    ),
    Row(
        ("wagtailsnippets_staff_personnelaction:transition",),
        _transition,
        lambda world: [
            f"/admin/snippets/staff/personnelaction/transition/{world.objects['action_nomenclature'].pk}/record_external/"
        ],
    ),
    Row(
        ("wagtailsnippets_staff_personnelaction:proposal",),
        _proposal("action_nomenclature", OK),
        lambda world: [
            f"/admin/snippets/staff/personnelaction/proposal/{world.objects['action_nomenclature'].pk}/",
            f"/admin/snippets/staff/personnelaction/proposal/{world.objects['action_nomenclature'].pk}/?language=ru",
        ],
    ),
    Row(
        ("wagtailsnippets_staff_personnelaction:proposal",),
        _proposal("action_proposal", REDIRECT),
        lambda world: [f"/admin/snippets/staff/personnelaction/proposal/{world.objects['action_proposal'].pk}/"],
    ),
    Row(
        ("wagtailsnippets_staff_staffingtable:vacancies",),
        admin(lambda user, world: policy.can(user, "staff.view_vacancies")),
        lambda world: [
            "/admin/snippets/staff/staffingtable/vacancies/",
            "/admin/snippets/staff/staffingtable/vacancies/?date=2020-01-01",
            "/admin/snippets/staff/staffingtable/vacancies/?date=nonsense",
        ],
    ),
    Row(
        ("wagtailsnippets_staff_staffingtable:vacancies_docx", "wagtailsnippets_staff_staffingtable:vacancies_xlsx"),
        admin(lambda user, world: policy.can(user, "staff.view_vacancies")),
        lambda world: [
            "/admin/snippets/staff/staffingtable/vacancies/docx/",
            "/admin/snippets/staff/staffingtable/vacancies/docx/?date=2020-01-01",
            "/admin/snippets/staff/staffingtable/vacancies/xlsx/",
            "/admin/snippets/staff/staffingtable/vacancies/xlsx/?date=2020-01-01",
        ],
    ),
    Row(
        ("wagtailsnippets_staff_staffingtable:vacancies_docx", "wagtailsnippets_staff_staffingtable:vacancies_xlsx"),
        _bad_date,
        lambda world: [
            "/admin/snippets/staff/staffingtable/vacancies/docx/?date=nonsense",
            "/admin/snippets/staff/staffingtable/vacancies/xlsx/?date=2020-13-45",
        ],
    ),
    Row(
        ("wagtailsnippets_staff_rankconferral:eligibility",),
        admin(lambda user, world: policy.can(user, "staff.view_rankconferral")),
        lambda world: [
            "/admin/snippets/staff/rankconferral/eligibility/",
            "/admin/snippets/staff/rankconferral/eligibility/?date=2020-01-01&rank=inspector_3&due_by=2030-01-01",
            "/admin/snippets/staff/rankconferral/eligibility/?date=nonsense&rank=nonsense",
        ],
    ),
    Row(
        ("structure:public",),
        everyone(OK),
        lambda world: ["/ky/structure/", "/ru/structure/?date=2020-01-01", "/ky/structure/?date=nonsense"],
    ),
]
