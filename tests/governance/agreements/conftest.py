import pytest
from django.utils import translation

from tests.today import today  # noqa: F401


@pytest.fixture(autouse=True)
def _messages_in_english(_default_language):
    """The refusals are matched by their source text."""
    translation.activate("en")
    yield
    translation.deactivate()
