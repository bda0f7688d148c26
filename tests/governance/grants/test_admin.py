"""The admin's add and edit views save donors through the service: its rules and its log apply."""

import pytest
from wagtail.models import ModelLogEntry

from governance.access.models import PolicyLogEntry
from governance.grants.models import Donor
from tests.factories import UserFactory
from tests.governance.grants.factories import officer

pytestmark = pytest.mark.django_db

DONORS = "/admin/snippets/grants/donor/"
FORM = {"kind": "organisation", "name_ky": "Эл аралык уюм", "name_ru": "Международная организация", "country": ""}


def test_the_grants_officer_adds_and_edits_a_donor_through_the_service(client, roles):
    client.force_login(officer())

    response = client.post(f"{DONORS}add/", FORM)
    assert response.status_code == 302, response.content.decode()[:2000]
    donor = Donor.objects.get()
    response = client.post(f"{DONORS}edit/{donor.pk}/", {**FORM, "country": "Швейцария"})
    assert response.status_code == 302

    donor.refresh_from_db()
    assert donor.country == "Швейцария"
    logged = [
        *ModelLogEntry.objects.values_list("action", flat=True),
        *PolicyLogEntry.objects.values_list("action", flat=True),
    ]
    assert "wagtail.create" in logged and "wagtail.edit" in logged


def test_who_is_not_a_grants_officer_adds_no_donor(client, roles):
    client.force_login(UserFactory(roles=["records_officer"]))

    response = client.post(f"{DONORS}add/", FORM)

    assert response.status_code in (302, 403)
    assert not Donor.objects.exists()
