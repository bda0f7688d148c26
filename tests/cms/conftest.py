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
