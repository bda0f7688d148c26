"""Grants of the matrix: a public active grant with a tranche, an expenditure and a report, and a
secret grant still under negotiation (its title a secret for whoever may not read grants)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from governance.access import policy
from governance.grants import services
from tests.governance.grants.factories import active, grant, received

SECRET_GRANT = "Матрица сүйлөшүүдөгү грант"


def build(users: dict) -> tuple[dict, list]:
    keeper = users["grants_officer"]
    public = active(keeper, title_ky="Матрица ачык грант", title_ru="Открытый грант матрицы")
    secret = grant(keeper, title_ky=SECRET_GRANT, title_ru=SECRET_GRANT)
    tranche = received(keeper, public, "500.00")
    expenditure = services.expenditure_record(
        actor=keeper,
        grant=public,
        line=public.lines.first(),
        tranche=tranche,
        date=datetime.date(2024, 2, 5),
        amount=Decimal("10.00"),
        currency="USD",
        description="Матрица чыгашасы",
    )
    report = services.report_schedule(
        actor=keeper,
        grant=public,
        title_ky="Матрица отчёту",
        title_ru="Отчёт матрицы",
        due_on=timezone.localdate() + datetime.timedelta(days=30),
    )
    objects = {
        "grant_public": public,
        "grant_secret": secret,
        "grant_donor": public.donor,
        "grant_line": public.lines.first(),
        "grant_tranche": tranche,
        "grant_expenditure": expenditure,
        "grant_report": report,
    }
    secrets = [(SECRET_GRANT, lambda user: policy.can(user, "grants.view_grant", secret))]
    return objects, secrets
