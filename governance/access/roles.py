"""The one table of roles: who may do what, by model permission and by Wagtail page and
collection permission. `setup_roles` makes the groups match this table exactly."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

ADMIN = ("wagtailadmin.access_admin",)
READ_STRUCTURE = ("structure.view_subdivision",)
EDIT_STRUCTURE = ("structure.add_subdivision", "structure.change_subdivision", "structure.view_subdivision")
AGENCY_SETTINGS = ("agency.change_agencysettings",)
READ_ORDERS = ("orders.view_order",)
READ_PERSONNEL_ORDERS = ("orders.view_order", "orders.view_personnel_order")
DRAFT_ORDERS = ("orders.add_order",)
PUBLISH_ORDERS = ("orders.publish_order",)
ORDER_SERIES = ("orders.add_series", "orders.change_series", "orders.view_series")
# Instructions: issuing them, and reading every one (those who take part always read their own).
ISSUE_INSTRUCTIONS = ("documents.add_instruction",)
READ_INSTRUCTIONS = ("documents.view_instruction",)
PROCESS_APPEALS = ("appeals.view_appeal", "appeals.change_appeal")
WORKING_CALENDAR = (
    "documents.add_calendarexception",
    "documents.change_calendarexception",
    "documents.delete_calendarexception",
    "documents.view_calendarexception",
)

# Copying a page into the other language (Wagtail's simple translation) for translating it.
TRANSLATE_PAGES = ("simple_translation.submit_translation",)
EDITOR_PAGES = ("add_page", "change_page")
MODERATOR_PAGES = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
EDITOR_MEDIA = ("add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document")
MODERATOR_MEDIA = (*EDITOR_MEDIA, "delete_image", "delete_document")


@dataclass(frozen=True)
class RoleSpec:
    code: str
    name_ky: str
    name_ru: str
    description: str
    permissions: tuple[str, ...] = ()
    page_permissions: tuple[str, ...] = ()
    collection_permissions: tuple[str, ...] = ()
    adopts: str = ""  # a group Wagtail made at install time that this role takes over
    acts_for_chairman: bool = False  # may receive the chairman's powers by a dated delegation
    # Signs, votes or manages personnel: the admin asks for a second factor (docs/security.md).
    requires_two_factor: bool = False

    @property
    def group_name(self) -> str:
        return f"{self.name_ky} / {self.name_ru}"


ROLES: tuple[RoleSpec, ...] = (
    RoleSpec(
        "chairman",
        "Төрага",
        "Председатель",
        _("Leads the Service, signs orders, approves the structure and staffing table."),
        permissions=(
            *ADMIN,
            *EDIT_STRUCTURE,
            *AGENCY_SETTINGS,
            *READ_PERSONNEL_ORDERS,
            *PUBLISH_ORDERS,
            *ISSUE_INSTRUCTIONS,
            *READ_INSTRUCTIONS,
        ),
        requires_two_factor=True,
    ),
    RoleSpec(
        "deputy_chairman",
        "Төраганын орун басары",
        "Заместитель председателя",
        _("Acts for the chairman when a dated delegation says so."),
        permissions=(*ADMIN, *READ_STRUCTURE, *READ_PERSONNEL_ORDERS, *ISSUE_INSTRUCTIONS, *READ_INSTRUCTIONS),
        acts_for_chairman=True,
        requires_two_factor=True,
    ),
    RoleSpec(
        "state_secretary",
        "Статс-катчы",
        "Статс-секретарь",
        _("Proposes appointments of administrative staff; runs the civil service."),
        permissions=(
            *ADMIN,
            *READ_STRUCTURE,
            *AGENCY_SETTINGS,
            *READ_PERSONNEL_ORDERS,
            *DRAFT_ORDERS,
            "orders.change_order",
            *PUBLISH_ORDERS,
            *ORDER_SERIES,
            *ISSUE_INSTRUCTIONS,
            *READ_INSTRUCTIONS,
            *WORKING_CALENDAR,
        ),
        requires_two_factor=True,
    ),
    RoleSpec(
        "hr_officer",
        "Кадр кызматынын кызматкери",
        "Сотрудник кадровой службы",
        _("Keeps the structure, the staffing table, employees and appointments."),
        permissions=(*ADMIN, *EDIT_STRUCTURE, *READ_PERSONNEL_ORDERS, *DRAFT_ORDERS),
        requires_two_factor=True,
    ),
    RoleSpec(
        "head_of_subdivision",
        "Түзүмдүк бөлүмдүн башчысы",
        "Руководитель структурного подразделения",
        _("Leads one subdivision; rights on it are granted per subdivision."),
        permissions=(*ADMIN, *READ_STRUCTURE, *READ_ORDERS, *DRAFT_ORDERS, *ISSUE_INSTRUCTIONS),
    ),
    RoleSpec(
        "collegium_secretary",
        "Коллегиянын катчысы",
        "Секретарь коллегии",
        _("Prepares collegium meetings, agendas and minutes."),
        permissions=(*ADMIN, *READ_STRUCTURE),
        requires_two_factor=True,
    ),
    RoleSpec(
        "collegium_member",
        "Коллегиянын мүчөсү",
        "Член коллегии",
        _("Reads meeting materials and votes in the collegium."),
        permissions=ADMIN,
        requires_two_factor=True,
    ),
    RoleSpec(
        "public_council_member",
        "Коомдук кеңештин мүчөсү",
        "Член Общественного совета",
        _("Reads Public Council materials, votes and makes recommendations."),
        permissions=ADMIN,
    ),
    RoleSpec(
        "records_officer",
        "Иш кагаздар кызматынын кызматкери",
        "Сотрудник службы делопроизводства",
        _("Registers incoming and outgoing correspondence and citizens' appeals."),
        permissions=(
            *ADMIN,
            *READ_STRUCTURE,
            *READ_ORDERS,
            *PUBLISH_ORDERS,
            *ISSUE_INSTRUCTIONS,
            *READ_INSTRUCTIONS,
            *WORKING_CALENDAR,
            *PROCESS_APPEALS,
        ),
    ),
    RoleSpec(
        "expert_commission_chair",
        "Эксперттик комиссиянын төрагасы",
        "Председатель экспертной комиссии",
        _("Chairs the expert commission: approves or refuses the destruction of case files whose retention has ended."),
        permissions=(*ADMIN, *READ_STRUCTURE),
    ),
    RoleSpec(
        "grants_officer",
        "Гранттар боюнча кызматкер",
        "Сотрудник по грантам",
        _("Keeps donors, grants, tranches, expenditures and the reports due to donors."),
        permissions=(*ADMIN, *READ_STRUCTURE, *ISSUE_INSTRUCTIONS),
    ),
    RoleSpec(
        "international_officer",
        "Эл аралык бөлүмдүн кызматкери",
        "Сотрудник международного отдела",
        _("Keeps international agreements: negotiations, signature, entry into force, deadlines."),
        permissions=(*ADMIN, *READ_STRUCTURE, *ISSUE_INSTRUCTIONS),
    ),
    RoleSpec(
        "editor",
        "Редактор",
        "Редактор",
        _("Writes and edits pages of the public site; a moderator publishes them."),
        permissions=(*ADMIN, *TRANSLATE_PAGES),
        page_permissions=EDITOR_PAGES,
        collection_permissions=EDITOR_MEDIA,
        adopts="Editors",
    ),
    RoleSpec(
        "moderator",
        "Модератор",
        "Модератор",
        _("Reviews and publishes pages of the public site."),
        permissions=(*ADMIN, *TRANSLATE_PAGES),
        page_permissions=MODERATOR_PAGES,
        collection_permissions=MODERATOR_MEDIA,
        adopts="Moderators",  # Wagtail's default approval workflow points at this group
    ),
)

ROLES_BY_CODE = {role.code: role for role in ROLES}
ACTING_CHAIRMAN_ROLES = tuple(role.code for role in ROLES if role.acts_for_chairman)

TWO_FACTOR_ROLES = frozenset(role.code for role in ROLES if role.requires_two_factor)
