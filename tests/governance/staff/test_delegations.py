import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from governance.staff import services
from governance.staff.models import Delegation
from governance.staff.selectors import is_acting_chairman
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/staff/delegation/"


@pytest.fixture
def chairman(roles):
    return UserFactory(username="chairman", roles=["chairman"])


@pytest.fixture
def deputy(roles):
    return UserFactory(username="deputy", roles=["deputy_chairman"])


def test_the_chairman_delegates_through_the_admin_and_the_deputy_acts_on_those_days(client, chairman, deputy):
    today = timezone.localdate()
    client.force_login(chairman)

    response = client.post(
        f"{LIST}add/",
        {
            "delegate": deputy.pk,
            "date_from": today.isoformat(),
            "date_to": (today + datetime.timedelta(days=3)).isoformat(),
            "basis": "Төраганын өргүүсүнө байланыштуу",
        },
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert Delegation.objects.get().created_by == chairman
    assert is_acting_chairman(deputy, today)
    assert not is_acting_chairman(deputy, today + datetime.timedelta(days=4))


def test_only_the_chairman_delegates_and_the_dates_must_make_sense(client, chairman, deputy):
    today = timezone.localdate()
    with pytest.raises(PermissionDenied):
        services.delegation_create(actor=deputy, delegate=deputy, date_from=today, date_to=today, basis="x")
    with pytest.raises(ValidationError):
        services.delegation_create(
            actor=chairman, delegate=deputy, date_from=today, date_to=today - datetime.timedelta(days=1), basis="x"
        )
    client.force_login(deputy)
    assert client.get(LIST).status_code == 200
    assert client.get(f"{LIST}add/").status_code in (302, 403)
    assert Delegation.objects.count() == 0


@pytest.mark.parametrize("to", ["himself", "the editor"])
def test_the_chairman_delegates_only_to_a_deputy_never_to_himself(client, chairman, deputy, to):
    editor = UserFactory(username="editor", roles=["editor"])
    delegate = chairman if to == "himself" else editor
    today = timezone.localdate()

    with pytest.raises(ValidationError) as refused:
        services.delegation_create(actor=chairman, delegate=delegate, date_from=today, date_to=today, basis="x")

    assert "delegate" in refused.value.message_dict
    client.force_login(chairman)
    form = client.get(f"{LIST}add/").content.decode()
    assert f'value="{deputy.pk}"' in form
    assert f'value="{delegate.pk}"' not in form
    response = client.post(f"{LIST}add/", {"delegate": delegate.pk, "date_from": today, "date_to": today, "basis": "x"})
    assert response.status_code == 200
    assert not Delegation.objects.exists()
    assert not is_acting_chairman(delegate, today)


def test_delegates_are_shown_by_name_and_post(client, chairman, roles):
    deputy = UserFactory(
        username="deputy_chairman", first_name="Гүлнара", last_name="Абдыкадырова", roles=["deputy_chairman"]
    )
    today = timezone.localdate()
    services.delegation_create(actor=chairman, delegate=deputy, date_from=today, date_to=today, basis="Буйрук")
    client.force_login(chairman)

    for page in (client.get(f"{LIST}add/"), client.get(LIST)):
        content = page.content.decode()
        assert "Гүлнара Абдыкадырова — Төраганын орун басары" in content
        assert ">deputy_chairman<" not in content


def test_the_basis_is_a_signed_order_or_an_external_act_and_one_of_the_two(chairman, deputy):
    from tests.governance.orders.factories import People, draft, signed

    people = People()
    today = timezone.localdate()

    def delegate(**basis):
        return services.delegation_create(actor=chairman, delegate=deputy, date_from=today, date_to=today, **basis)

    for basis in ({}, {"basis": "  "}, {"basis": "Өкмөттүн токтому", "basis_order": signed(people)}):
        with pytest.raises(ValidationError, match="basis"):
            delegate(**basis)
    with pytest.raises(ValidationError) as refused:
        delegate(basis_order=draft(people, title_ky="Долбоор"))
    assert "basis_order" in refused.value.message_dict
    assert not Delegation.objects.exists()

    by_order = delegate(basis_order=signed(people, title_ky="Ыйгарым укуктар жөнүндө"))
    assert by_order.basis_order.is_registered and is_acting_chairman(deputy, today)
