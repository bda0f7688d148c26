"""Open data: the agency's own particulars."""

from ninja import Router, Schema
from wagtail.models import Site

from governance.agency.models import AgencySettings

router = Router(tags=["agency"])


class AgencyOut(Schema):
    full_name_ky: str
    full_name_ru: str
    short_name_ky: str
    short_name_ru: str
    address_ky: str
    address_ru: str
    phone: str
    email: str


@router.get("/", response=AgencyOut, summary="The agency's names and contacts in both languages")
def agency(request):
    return AgencySettings.for_site(Site.find_for_request(request) or Site.objects.get(is_default_site=True))
