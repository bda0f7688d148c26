"""The objects the matrix tries every URL against: one user per role, records each role may and may
not read, and their titles as secrets that must not reach who may not read them."""

import datetime

import wagtail_factories
from django.contrib.auth.models import AnonymousUser
from django.core.files.base import ContentFile
from wagtail.models import Collection, Site

from documents.instructions.services import instruction_create
from documents.models import CalendarException
from governance.access import policy
from governance.access.objects import grant
from governance.access.roles import ROLES
from governance.agency.demo import AGENCY
from governance.agency.models import AgencySettings
from governance.orders import services
from governance.orders.enums import Confidentiality
from governance.orders.models import OrderAttachment
from tests.documents.appeals.factories import appeal as appeal_factory
from tests.factories import (
    LegalActIndexPageFactory,
    PublicationIndexPageFactory,
    PublicationPageFactory,
    SubdivisionFactory,
    UserFactory,
    make_home_pages,
)
from tests.governance.orders.factories import (
    People,
    SeriesFactory,
    delegation,
    draft,
    personnel_series,
    published,
    signed,
)
from tests.security import (
    world_agreements,
    world_archive,
    world_awards,
    world_bodies,
    world_correspondence,
    world_grants,
)
from tests.security.matrix import World
from tests.security.staff_world import build_staff

SECRET_PERSONNEL = "Матрица жашыруун кадр буйругу"
SECRET_INTERNAL = "Матрица ички буйрук"
SECRET_DRAFT = "Матрица долбоор буйрук"
SECRET_PAGE = "Матрица жарыялана элек барак"
PUBLIC_ORDER = "Матрица ачык буйрук"
MEDIA_DOCUMENT = "Матрица документ"
MEDIA_IMAGE = "Матрица сүрөт"
MEDIA_ROLES = ("editor", "moderator")
SECRET_INSTRUCTION = "Матрица тапшырма"
SECRET_ANNEX = "Матрица кадр тиркемеси"
SECRET_APPEAL = "Матрица арыз ээси"


def _reads_order(order):
    return lambda user: policy.can(user, "orders.view_order", order)


def _edits_media(user):
    return any(policy.has_role(user, code) for code in MEDIA_ROLES)


def approved_draft(people, order):
    """A draft through its whole approval sheet."""
    order = services.order_submit(order=order, actor=people.drafter)
    for approval in list(order.approvals.all()):
        order = services.order_approve(order=order, actor=approval.approver)
    return order


def build_world() -> World:
    people = People()  # drafters, approvers and signers of the orders; the matrix's readers are below
    users = {role.code: UserFactory(username=f"matrix-{role.code}", roles=[role.code]) for role in ROLES}

    internal_series = SeriesFactory(
        code="internal", name_ky="Ички", name_ru="Внутренние", confidentiality=Confidentiality.INTERNAL
    )
    personnel_draft = draft(people, series=personnel_series(), title_ky=SECRET_PERSONNEL, approvers=[people.hr])
    OrderAttachment.objects.create(
        order=personnel_draft, title_ky=SECRET_ANNEX, title_ru=SECRET_ANNEX, file=ContentFile(b"%PDF", name="a.pdf")
    )
    orders = {
        "public": published(people, title_ky=PUBLIC_ORDER),
        "draft": draft(people, title_ky=SECRET_DRAFT),
        "internal": signed(people, series=internal_series, title_ky=SECRET_INTERNAL),
        "personnel": services.order_sign(order=approved_draft(people, personnel_draft), actor=people.chairman),
    }

    legal = SubdivisionFactory(code="legal", name_ru="Юридический отдел")
    finance = SubdivisionFactory(code="finance", name_ru="Финансовый отдел")
    grant(users["head_of_subdivision"], "structure.change_subdivision", legal)
    # under the subdivision the matrix's head heads: the head's right reaches it
    legal_sector = SubdivisionFactory(code="legal-sector", name_ru="Сектор договоров", parent=legal)

    site = Site.objects.get(is_default_site=True)
    AgencySettings.objects.create(site=site, **AGENCY)
    home, _ = make_home_pages(site)
    index = PublicationIndexPageFactory(parent=home, locale=home.locale)
    page = PublicationPageFactory(parent=index, locale=home.locale, title="Матрица жарыяланган барак")
    hidden = PublicationPageFactory(parent=index, locale=home.locale, title=SECRET_PAGE, live=False)
    acts = LegalActIndexPageFactory(parent=home, locale=home.locale)  # where editors import legal acts

    root = Collection.get_first_root_node()  # where the roles' collection permissions are given
    document = wagtail_factories.DocumentFactory(title=MEDIA_DOCUMENT, collection=root, file__filename="matrix.pdf")
    image = wagtail_factories.ImageFactory(title=MEDIA_IMAGE, collection=root)

    instruction = instruction_create(
        actor=people.chairman,
        title=SECRET_INSTRUCTION,
        text=SECRET_INSTRUCTION,
        executor=people.lawyer,
        controller=people.secretary,
        days=10,
    )
    staff_objects, staff_secrets = build_staff(people, users, legal, finance)
    appeal, _token = appeal_factory(name=SECRET_APPEAL)
    objects = {
        **staff_objects,
        **{f"order_{key}": order for key, order in orders.items()},
        "annex": orders["personnel"].attachments.get(),
        "instruction": instruction,
        "calendar_day": CalendarException.objects.create(
            date=datetime.date(2027, 1, 8), is_working=False, basis="Матрица токтому"
        ),
        "series": orders["public"].series,
        "delegation": delegation(people),
        "legal": legal,
        "finance": finance,
        "legal_sector": legal_sector,
        "home": home,
        "index": index,
        "page": page,
        "hidden_page": hidden,
        "acts": acts,
        "appeal": appeal,
        "document": document,
        "image": image,
    }
    secrets = [
        (SECRET_PERSONNEL, _reads_order(orders["personnel"])),
        (SECRET_INTERNAL, _reads_order(orders["internal"])),
        (SECRET_DRAFT, _reads_order(orders["draft"])),
        (SECRET_ANNEX, _reads_order(orders["personnel"])),
        (SECRET_INSTRUCTION, lambda user: policy.can(user, "documents.view_instruction", instruction)),
        # Wagtail's page chooser shows any page's title to admin users: a draft is kept from the public
        (SECRET_PAGE, lambda user: policy.has_permission(user, "wagtailadmin.access_admin")),
        # the public site's media: the admin shows them to who edits the public site
        (MEDIA_DOCUMENT, _edits_media),
        (MEDIA_IMAGE, _edits_media),
        *staff_secrets,
        (SECRET_APPEAL, lambda user: policy.can(user, "appeals.view_appeal", appeal)),
    ]
    awards_objects, awards_secrets = world_awards.build(people, staff_objects, legal, finance)
    objects.update(awards_objects)
    secrets += awards_secrets
    bodies, bodies_secrets = world_bodies.build(users)
    objects.update(bodies)
    secrets += bodies_secrets
    for extra in (world_agreements, world_grants, world_archive, world_correspondence):
        found, hidden_titles = extra.build(users)
        objects.update(found)
        secrets += hidden_titles
    default_args = {
        "page_id": hidden.pk,
        "parent_page_id": index.pk,
        "document_id": document.pk,
        "doc_id": document.pk,
        "image_id": image.pk,
        "pk": 999999,
    }
    return World(users=users, objects=objects, secrets=secrets, default_args=default_args)


def user_of(world: World, who: str):
    return world.users.get(who) or AnonymousUser()
