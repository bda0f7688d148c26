"""Awards for tests, built through the services: kinds, an awards series, nominations and the order
that confers them."""

import factory

from governance.awards import services
from governance.awards.enums import AWARDS_SERIES, AwardLevel
from governance.awards.models import AwardKind
from governance.orders.enums import Confidentiality
from tests.governance.orders.factories import SeriesFactory
from tests.governance.staff.factories import sign


class AwardKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AwardKind
        django_get_or_create = ("code",)

    code = "honour"
    name_ky = "Кызматтын Ардак грамотасы"
    name_ru = "Почётная грамота Службы"
    level = AwardLevel.AGENCY
    repeat_after_years = 3


def awards_series():
    return SeriesFactory(
        code=AWARDS_SERIES,
        name_ky="Сыйлоо боюнча",
        name_ru="По награждению",
        suffix="-н",
        confidentiality=Confidentiality.PERSONNEL,
    )


class Awards:
    """The people of the workflow, a certificate of honour, a state title and the awards series."""

    def __init__(self, people):
        self.people = people
        self.honour = AwardKindFactory()
        self.state = AwardKindFactory(
            code="honoured-worker",
            name_ky="Кыргыз Республикасынын ардактуу кызматкери",
            name_ru="Заслуженный работник Кыргызской Республики",
            level=AwardLevel.STATE,
            repeat_after_years=0,
        )
        self.series = awards_series()

    def propose(self, employee, kind=None, **fields):
        return services.nomination_propose(
            actor=fields.pop("actor", self.people.hr),
            kind=kind or self.honour,
            employee=employee,
            grounds_ky=fields.pop("grounds_ky", "Көп жылдык талыкпаган эмгеги үчүн"),
            grounds_ru=fields.pop("grounds_ru", "За многолетний добросовестный труд"),
            **fields,
        )

    def approve(self, nomination):
        return services.nomination_approve(actor=self.people.chairman, nomination=nomination)

    def order(self, *nominations):
        return services.award_order_draft(
            actor=self.people.hr, nominations=nominations, approvers=[self.people.secretary]
        )

    def confer(self, *nominations):
        """Approve ``nominations``, carry them in one order of the awards series and sign it."""
        approved = [self.approve(n) for n in nominations]
        return sign(self.people, self.order(*approved))
