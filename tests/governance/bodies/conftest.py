import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _messages_as_written():
    """Services' refusals are compared with their message ids; the portal tests read them in Russian."""
    with translation.override("en"):
        yield
