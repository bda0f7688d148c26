"""schemathesis against the open-data API's own OpenAPI document: every operation, fed values that
its schema allows and values it does not, answers without a server error and as its schema says.

The same run from the command line, against a running server::

    .venv/bin/schemathesis run http://127.0.0.1:8000/api/v1/openapi.json
"""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings

from tests.governance.orders.factories import People, published

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


@pytest.fixture
def wsgi_app():
    """Django's WSGI application on the test's database connection (as the test client does it:
    the end of a request must not close the connection that holds the test's transaction)."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_api_answers_as_its_schema_says_and_never_with_a_server_error(roles, tree, wsgi_app):
    published(People())  # the lists and one order have something to show
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", wsgi_app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 5

    for operation in operations:

        @given(case=operation.as_strategy())
        @FUZZ
        def check(case):
            response = case.call()
            assert response.status_code < 500, (case.path, case.query, case.path_parameters, response.status_code)
            if response.status_code == 200:
                case.validate_response(response)

        check()
