import datetime

import pytest
from wagtail.models import Site

from governance.agency.demo import AGENCY
from governance.agency.models import AgencySettings
from tests.factories import make_home_pages


@pytest.fixture
def site(db):
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def agency(site):
    return AgencySettings.objects.create(site=site, **AGENCY)


@pytest.fixture
def home_pages(site, agency):
    return make_home_pages(site)


@pytest.fixture
def tree(home_pages):
    """One page of every type in Kyrgyz, each with its Russian translation."""
    from tests import factories as f

    home_ky, home_ru = home_pages
    pages = {"home": (home_ky, home_ru)}

    def pair(key, factory, parent_key, ru_fields, **ky_fields):
        parent_ky, _ = pages[parent_key]
        page = factory(parent=parent_ky, locale=parent_ky.locale, **ky_fields)
        pages[key] = (page, f.translate(page, **ru_fields))

    pair(
        "publications",
        f.PublicationIndexPageFactory,
        "home",
        {"title": "Издания", "slug": "izdaniya"},
        slug="basylmalar",
    )
    pair(
        "bulletin",
        f.PublicationPageFactory,
        "publications",
        {"title": "Бюллетень № 7", "slug": "byulleten-7", "lead": "Итоги квартала"},
        title="Бюллетень № 7",
        slug="byulleten-7",
        kind="bulletin",
        issue_number="7",
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 3, 31),
        lead="Чейректин жыйынтыгы",
    )
    pair(
        "events",
        f.EventIndexPageFactory,
        "home",
        {"title": "Мероприятия", "slug": "meropriyatiya"},
        slug="ish-charalar",
    )
    pair(
        "event",
        f.EventPageFactory,
        "events",
        {"title": "Семинар для мигрантов", "slug": "seminar", "place": "Бишкек, зал"},
        title="Мигранттар үчүн семинар",
        slug="seminar",
    )
    pair("acts", f.LegalActIndexPageFactory, "home", {"title": "Правовые акты", "slug": "akty"}, slug="aktylar")
    pair(
        "act",
        f.LegalActPageFactory,
        "acts",
        {"title": "Порядок приёма", "slug": "poryadok", "act_kind": "Порядок"},
        slug="tartip",
    )
    pair("about", f.StandardPageFactory, "home", {"title": "О Службе", "slug": "o-sluzhbe"}, slug="jonundo")
    pair("contacts", f.ContactPageFactory, "home", {"title": "Контакты", "slug": "kontakty"}, slug="bailanysh")
    return pages
