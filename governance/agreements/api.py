"""Open data: public international agreements in force, both languages on each record. Read-only."""

import datetime

from django.http import Http404
from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import paginate

from governance.access.params import ApiId, Pagination
from governance.agreements import selectors
from governance.agreements.models import Agreement

router = Router(tags=["agreements"])


class PartyOut(Schema):
    kind: str
    name_ky: str
    name_ru: str


class TextOut(Schema):
    language: str
    is_authentic: bool
    url: str


class AgreementOut(Schema):
    id: int
    kind: str
    title_ky: str
    title_ru: str
    stage: str
    signed_on: datetime.date | None
    in_force_on: datetime.date | None
    duration_months: int | None
    automatic_renewal: bool
    depositary: str
    authentic_languages: str
    parties: list[PartyOut]

    @staticmethod
    def resolve_parties(agreement):
        return list(agreement.parties.all())


class AgreementDetailOut(AgreementOut):
    subject_ky: str
    subject_ru: str
    texts: list[TextOut]

    @staticmethod
    def resolve_texts(agreement):
        return [
            {
                "language": text.language,
                "is_authentic": text.is_authentic,
                "url": reverse("agreements:text", args=(agreement.pk, text.pk)),
            }
            for text in agreement.texts.all()
        ]


@router.get("/", response=list[AgreementOut], summary="Public international agreements in force")
@paginate(Pagination)
def agreements(request):
    return selectors.public_agreements(request.user)


@router.get("/{agreement_id}/", response=AgreementDetailOut, summary="One public agreement in force")
def agreement(request, agreement_id: int = ApiId()):
    try:
        return selectors.public_agreement(request.user, agreement_id)
    except Agreement.DoesNotExist:
        raise Http404 from None
