import datetime

import factory
from django.utils import timezone

from governance.orders import services
from governance.orders.enums import Confidentiality
from governance.orders.models import Series
from governance.staff.models import Delegation
from tests.factories import UserFactory


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        django_get_or_create = ("code",)

    code = "main"
    name_ky = "Негизги иш боюнча"
    name_ru = "По основной деятельности"
    suffix = ""
    confidentiality = Confidentiality.PUBLIC


def personnel_series():
    return SeriesFactory(
        code="personnel",
        name_ky="Жеке курам боюнча",
        name_ru="По личному составу",
        suffix="-к",
        confidentiality=Confidentiality.PERSONNEL,
    )


class People:
    """One user per part of the workflow, with their roles."""

    def __init__(self):
        self.drafter = UserFactory(username="drafter", roles=["head_of_subdivision"])
        self.lawyer = UserFactory(
            username="lawyer", first_name="Айбек", last_name="Юристов", roles=["head_of_subdivision"]
        )
        self.secretary = UserFactory(
            username="secretary", first_name="Бакыт", last_name="Жумабеков", roles=["state_secretary"]
        )
        self.chairman = UserFactory(
            username="chairman", first_name="Азамат", last_name="Токтосунов", roles=["chairman"]
        )
        self.deputy = UserFactory(
            username="deputy", first_name="Гүлнара", last_name="Абдыкадырова", roles=["deputy_chairman"]
        )
        self.records = UserFactory(username="records", roles=["records_officer"])
        self.hr = UserFactory(username="hr", roles=["hr_officer"])
        self.outsider = UserFactory(username="outsider", roles=["editor"])


TEXTS = {
    "title_ky": "Эмгек мигранттарына кеңеш берүүнү уюштуруу жөнүндө",
    "title_ru": "Об организации консультирования трудовых мигрантов",
    "preamble_ky": "Эмгек мигранттарынын укуктарын коргоону күчөтүү максатында,",
    "preamble_ru": "В целях усиления защиты прав трудовых мигрантов,",
    "points": [
        (
            "Маалыматтык-консультациялык борбордо ишеним телефонун ачуу.",
            "Открыть телефон доверия в информационно-консультационном центре.",
        ),
        (
            "Бул буйруктун аткарылышын көзөмөлдөө статс-катчыга жүктөлсүн.",
            "Контроль за исполнением настоящего приказа возложить на статс-секретаря.",
        ),
    ],
}


def draft(people, *, series=None, approvers=None, **overrides):
    fields = {**TEXTS, **overrides}
    return services.order_create_draft(
        actor=people.drafter,
        series=series or SeriesFactory(),
        approvers=[people.lawyer, people.secretary] if approvers is None else approvers,
        **fields,
    )


def approved(people, **kwargs):
    order = draft(people, **kwargs)
    order = services.order_submit(order=order, actor=people.drafter)
    for approval in list(order.approvals.all()):
        order = services.order_approve(order=order, actor=approval.approver)
    return order


def signed(people, **kwargs):
    return services.order_sign(order=approved(people, **kwargs), actor=people.chairman)


def published(people, **kwargs):
    return services.order_publish(order=signed(people, **kwargs), actor=people.records)


def delegation(people, *, days_before=1, days_after=1):
    today = timezone.localdate()
    return Delegation.objects.create(
        delegate=people.deputy,
        date_from=today - datetime.timedelta(days=days_before),
        date_to=today + datetime.timedelta(days=days_after),
        basis="Төраганын 2026-жылдагы № 5-к буйругу",
        created_by=people.chairman,
    )
