import pytest
from django.core.management import call_command
from django.utils import timezone

from documents.instructions.models import Instruction
from governance.agreements.enums import Stage
from governance.agreements.models import Agreement
from governance.grants import selectors
from governance.grants.models import Grant, GrantReport

pytestmark = pytest.mark.django_db


def test_the_demo_has_two_grants_and_agreements_at_several_stages_one_nearing_its_notice_deadline():
    call_command("load_demo")
    call_command("load_demo")  # a second run adds nothing

    grants = list(Grant.objects.order_by("pk"))
    assert [grant.currency for grant in grants] == ["USD", "EUR"]
    for grant in grants:
        assert selectors.balance(grant) > 0 and grant.expenditures.exists()
    assert GrantReport.objects.filter(submitted_on__isnull=True).count() == 2
    assert {agreement.stage for agreement in Agreement.objects.all()} >= {
        Stage.NEGOTIATIONS,
        Stage.RATIFICATION,
        Stage.IN_FORCE,
        Stage.TERMINATED,
    }
    assert Agreement.objects.published().count() == 2
    today = timezone.localdate()
    nearing = [
        a for a in Agreement.objects.published() if a.notice_deadline() and (a.notice_deadline() - today).days < 30
    ]
    assert len(nearing) == 1
    assert Instruction.objects.for_subject(nearing[0]).filter(deadline__lte=nearing[0].notice_deadline()).exists()
