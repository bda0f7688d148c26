"""International agreements of the matrix: a public agreement in force with its text, and a secret
one still in negotiations (its title a secret for whoever may not read agreements)."""

import datetime

from django.core.files.base import ContentFile

from governance.access import policy
from governance.agreements import services
from governance.agreements.models import AgreementEvent, AgreementText, DomesticStep, NegotiationRound
from tests.governance.agreements.factories import agreement, in_force

SECRET_AGREEMENT = "Матрица сүйлөшүүдөгү келишим"


def build(users: dict) -> tuple[dict, list]:
    keeper = users["international_officer"]
    public = in_force(keeper, title_ky="Матрица ачык келишим", title_ru="Открытый договор матрицы")
    secret = agreement(keeper, title_ky=SECRET_AGREEMENT, title_ru=SECRET_AGREEMENT)
    secret = services.agreement_negotiate(agreement=secret, actor=keeper, date=datetime.date(2024, 1, 10))
    round_ = services.part_save(
        actor=keeper,
        part=NegotiationRound(
            agreement=secret,
            number=1,
            date_from=datetime.date(2024, 2, 1),
            date_to=datetime.date(2024, 2, 2),
            place="Бишкек",
            record=ContentFile(b"%PDF-1.4", name="round.pdf"),
        ),
    )
    step = services.part_save(
        actor=keeper,
        part=DomesticStep(agreement=public, description_ky="Ички кадам", description_ru="Внутренний шаг"),
    )
    objects = {
        "agreement_public": public,
        "agreement_secret": secret,
        "agreement_party": public.parties.get(),
        "agreement_round": round_,
        "agreement_event": AgreementEvent.objects.filter(agreement=public).first(),
        "agreement_text": AgreementText.objects.get(agreement=public),
        "agreement_step": step,
    }
    secrets = [(SECRET_AGREEMENT, lambda user: policy.can(user, "agreements.view_agreement", secret))]
    return objects, secrets
