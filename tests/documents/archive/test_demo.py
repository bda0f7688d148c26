import pytest
from django.core.management import call_command
from django.utils import timezone

from documents.appeals.models import Appeal
from documents.archive.models import CaseFile, FiledRecord, FileHeading
from governance.orders.models import Order

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_nomenclature_with_retention_and_files_its_appeals_and_signed_orders():
    call_command("load_demo")
    call_command("load_demo")  # a second run adds nothing

    headings = FileHeading.objects.all()
    assert headings.filter(permanent=True).exists() and headings.filter(retention_years__gte=1).exists()
    assert all(heading.authority for heading in headings)
    filed = set(FiledRecord.objects.values_list("app_label", "model", "object_pk"))
    assert {("appeals", "appeal", str(pk)) for pk in Appeal.objects.values_list("pk", flat=True)} <= filed
    orders = {int(pk) for app, _model, pk in filed if app == "orders"}
    assert orders and not Order.objects.filter(pk__in=orders, signed_on__isnull=True).exists()  # signed ones only
    assert FiledRecord.objects.filter(app_label="orders").exclude(sha256="").exists()
    due = CaseFile.objects.due_on(timezone.localdate())
    assert [case.year for case in due] == [2019]  # the 2020 correspondence is held
    assert CaseFile.objects.get(year=2020).holds.exists()
