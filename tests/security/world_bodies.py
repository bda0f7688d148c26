"""The collegial bodies of the matrix: the collegium with the matrix's chairman, deputy, state
secretary, collegium member and secretary, and a Public Council with its member. An item of the
collegium's meeting, and its material, are secrets for everyone else; the collegium member has
declared a conflict of interest on the item, so its material is withheld from him too."""

from django.core.files.base import ContentFile
from django.utils import timezone

from governance.access import policy
from governance.bodies import services
from governance.bodies.enums import Basis, BodyKind, MemberRole
from governance.bodies.models import Recommendation
from tests.factories import UserFactory

SECRET_ITEM = "Матрица коллегиянын жабык маселеси"
SECRET_MATERIAL = "Матрица коллегиянын материалы"
SECRET_RECOMMENDATION = "Матрица кеңешинин сунушу"
COLLEGIUM_ROLES = ("chairman", "deputy_chairman", "state_secretary", "collegium_member", "collegium_secretary")
COUNCIL_ROLES = ("public_council_member",)
RECUSED_ROLES = ("collegium_member",)


def build(users: dict) -> tuple[dict, list]:
    keeper = UserFactory(username="matrix-bodies-keeper", is_superuser=True)
    today = timezone.localdate()
    collegium = services.body_create(
        actor=keeper,
        kind=BodyKind.COLLEGIUM,
        code="matrix-collegium",
        name_ky="Матрица коллегиясы",
        name_ru="Коллегия матрицы",
        term_start=today,
    )
    seats = [
        ("chairman", MemberRole.CHAIR, Basis.EX_OFFICIO, {"post": "chairman"}),
        ("deputy_chairman", MemberRole.DEPUTY_CHAIR, Basis.EX_OFFICIO, {"post": "deputy_chairman"}),
        ("state_secretary", MemberRole.MEMBER, Basis.EX_OFFICIO, {"post": "state_secretary"}),
        ("collegium_member", MemberRole.MEMBER, Basis.PRIME_MINISTER, {"represents_government_office": True}),
        ("collegium_secretary", MemberRole.SECRETARY, Basis.PRIME_MINISTER, {}),
    ]
    for code, role, basis, extra in seats:
        services.membership_add(
            actor=keeper, body=collegium, user=users[code], role=role, basis=basis, starts_on=today, **extra
        )
    council = services.body_create(
        actor=keeper,
        kind=BodyKind.PUBLIC_COUNCIL,
        code="matrix-council",
        name_ky="Матрица коомдук кеңеши",
        name_ru="Общественный совет матрицы",
        term_start=today,
    )
    services.membership_add(
        actor=keeper,
        body=council,
        user=users["public_council_member"],
        role=MemberRole.CHAIR,
        basis=Basis.ORDER,
        starts_on=today,
    )
    meeting = services.meeting_schedule(
        actor=users["collegium_secretary"],
        body=collegium,
        starts_at=timezone.now(),
        place="Матрица залы",
        items=[(SECRET_ITEM, SECRET_ITEM, None)],
    )
    item = meeting.items.get()
    material = services.material_add(
        actor=users["collegium_secretary"],
        item=item,
        title=SECRET_MATERIAL,
        file=ContentFile(b"%PDF-1.4", name="matrix.pdf"),
    )
    services.declaration_add(actor=users["collegium_member"], item=item, reason="Матрица")
    council_meeting = services.meeting_schedule(
        actor=users["public_council_member"], body=council, starts_at=timezone.now(), place="Матрица залы"
    )
    recommendation = services.recommendation_save(
        actor=users["public_council_member"],
        recommendation=Recommendation(
            body=council,
            adopted_on=today,
            subject_ky=SECRET_RECOMMENDATION,
            subject_ru=SECRET_RECOMMENDATION,
            text_ky="Матрица",
            text_ru="Матрица",
        ),
    )
    objects = {
        "collegium": collegium,
        "council": council,
        "meeting": meeting,
        "material": material,
        "council_meeting": council_meeting,
        "recommendation": recommendation,
    }
    secrets = [
        (SECRET_ITEM, lambda user: user.username in {f"matrix-{code}" for code in COLLEGIUM_ROLES}),
        (
            SECRET_MATERIAL,
            lambda user: user.username in {f"matrix-{c}" for c in COLLEGIUM_ROLES if c not in RECUSED_ROLES},
        ),
        # not answered, not published: the council and the agency's leadership only
        (SECRET_RECOMMENDATION, lambda user: policy.can(user, "bodies.view_recommendation", recommendation)),
    ]
    return objects, secrets
