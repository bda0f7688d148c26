"""Open data: public donor projects, both languages on each record. Read-only."""

import datetime
from decimal import Decimal

from ninja import Router, Schema
from ninja.pagination import paginate

from governance.access.params import Pagination
from governance.grants import selectors

router = Router(tags=["grants"])


class GrantOut(Schema):
    id: int
    donor_ky: str
    donor_ru: str
    title_ky: str
    title_ru: str
    purpose_ky: str
    purpose_ru: str
    amount: Decimal
    currency: str
    starts_on: datetime.date
    ends_on: datetime.date
    status: str

    @staticmethod
    def resolve_donor_ky(grant):
        return grant.donor.name_ky

    @staticmethod
    def resolve_donor_ru(grant):
        return grant.donor.name_ru


@router.get("/", response=list[GrantOut], summary="Public donor projects")
@paginate(Pagination)
def grants(request):
    return selectors.public_grants(request.user)
