import pytest
from django.apps import apps
from django.db import connection
from wagtail.models import Page

from tests.factories import HomePageFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


def test_postgresql_pass_runs_on_postgresql_with_its_full_text_search():
    assert connection.vendor == "postgresql"
    assert apps.is_installed("django.contrib.postgres")
    page = HomePageFactory(parent=Page.get_first_root_node(), title="Эмгек мигранттары үчүн эскертме", slug="eskertme")

    found = Page.objects.live().search("мигранттары")

    assert page.page_ptr in list(found)
