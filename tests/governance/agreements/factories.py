import datetime

from django.core.files.base import ContentFile

from governance.agreements import services
from governance.agreements.enums import AgreementKind, PartyKind
from governance.agreements.models import Agreement, AgreementText, Party
from tests.factories import UserFactory


def officer(name="international"):
    return UserFactory(username=name, roles=["international_officer"])


def agreement(actor, **fields) -> Agreement:
    values = {
        "kind": AgreementKind.INTERAGENCY,
        "title_ky": "Миграция боюнча кызматташуу жөнүндө макулдашуу",
        "title_ru": "Соглашение о сотрудничестве в сфере миграции",
        "subject_ky": "Маалымат алмашуу жана тажрыйба бөлүшүү",
        "subject_ru": "Обмен информацией и опытом",
        "authentic_languages": "кыргыз, орус",
        **fields,
    }
    made = services.agreement_create(actor=actor, agreement=Agreement(**values))
    services.part_save(
        actor=actor,
        part=Party(agreement=made, kind=PartyKind.AGENCY, name_ky="Өнөктөш кызмат", name_ru="Партнёрская служба"),
    )
    return made


def in_force(actor, *, signed=datetime.date(2024, 3, 1), force=datetime.date(2024, 4, 1), text=True, **fields):
    made = agreement(actor, **fields)
    made = services.agreement_negotiate(agreement=made, actor=actor, date=signed - datetime.timedelta(days=60))
    made = services.agreement_sign(agreement=made, actor=actor, date=signed)
    if made.requires_ratification:
        made = services.agreement_submit_ratification(agreement=made, actor=actor, date=signed)
    made = services.agreement_enter_into_force(agreement=made, actor=actor, date=force)
    if text:
        services.part_save(
            actor=actor,
            part=AgreementText(agreement=made, language="кыргыз", file=ContentFile(b"%PDF-1.4 text", name="ky.pdf")),
        )
    return made
