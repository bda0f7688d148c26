import io

import pytest
from django.core.management import call_command
from docx import Document

from governance.awards import docx
from governance.awards.models import Award, AwardKind, Nomination

pytestmark = pytest.mark.django_db


def test_the_demo_has_kinds_conferred_awards_and_open_nominations():
    call_command("load_demo")

    assert set(AwardKind.objects.values_list("level", flat=True)) == {"agency", "state"}
    awards = list(Award.objects.select_related("order", "kind", "nomination"))
    assert len(awards) == 3 and all(a.order.series.code == "awards" and a.order.status == "signed" for a in awards)
    assert {"proposed", "approved", "submitted"} <= set(Nomination.objects.values_list("status", flat=True))
    russian = next(a for a in awards if a.language == "ru")
    texts = [p.text for p in Document(io.BytesIO(docx.render_certificate(russian))).paragraphs]
    assert "БЛАГОДАРСТВЕННОЕ ПИСЬМО СЛУЖБЫ" in texts and russian.name_ru in texts
