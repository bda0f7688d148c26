"""The authorization matrix: every URL of the site, for every role and anonymous readers.

See ``tests/security/matrix.py`` for how rows work and ``docs/security.md`` for how to add one.
"""

import pytest
from django.test import Client
from django.urls import NoReverseMatch

from governance.access.roles import ROLES
from tests.security.matrix import ANONYMOUS, ERROR, Pattern, classify, url_patterns
from tests.security.reading import text
from tests.security.rows import all_rows
from tests.security.world import build_world, user_of

pytestmark = pytest.mark.django_db

WHO = [ANONYMOUS, *(role.code for role in ROLES)]
# The readers in a few groups, one test each, so that parallel workers share the matrix: each
# builds the world once.
GROUPS = 4


def _plan(rows, patterns: list[Pattern], world) -> tuple[list, list[str]]:
    """(row, path) pairs to try, and the patterns no row covers."""
    covered, owner = set(), {}
    for pattern in patterns:
        covering = [row for row in rows if row.covers(pattern)]
        if covering:
            covered.add(pattern.key)
        # a pattern that a row tries with its own paths is not tried again with default arguments
        if not any(row.paths is not None or row.expect is None for row in covering) and covering:
            owner[pattern.key] = covering[0]
    uncovered = [p.route + (f"  (name: {p.name})" if p.name else "") for p in patterns if p.key not in covered]
    plan = []
    for row in rows:
        if row.expect is None:
            continue
        if row.paths is not None:
            plan += [(row, path) for path in row.paths(world)]
            continue
        for pattern in patterns:
            if owner.get(pattern.key) is row:
                try:
                    plan.append((row, world.reverse(pattern)))
                except NoReverseMatch as error:
                    uncovered.append(f"{pattern.key}: give the row paths ({error})")
    return plan, uncovered


@pytest.mark.parametrize("group", range(GROUPS))
def test_every_url_answers_every_role_as_the_policy_says(roles, group):
    world = build_world()
    plan, uncovered = _plan(all_rows(), url_patterns(), world)
    assert not uncovered, "URL patterns that no matrix row covers:\n" + "\n".join(uncovered)

    problems = []
    for who in WHO[group::GROUPS]:
        client = Client(raise_request_exception=False)
        user = user_of(world, who)
        if who != ANONYMOUS:
            client.force_login(user)
        hidden = [secret for secret, may_see in world.secrets if not may_see(user)]
        for row, path in plan:
            response = client.get(path)
            answer = classify(response, path.split("?")[0])
            expected = row.expect(who, world)
            if answer == ERROR or answer not in expected:
                problems.append(f"{who:22} GET {path}: {answer} ({response.status_code}), expected {sorted(expected)}")
            body = text(response)
            problems += [f"{who:22} GET {path}: shows {secret!r}" for secret in hidden if secret in body]
    assert not problems, f"{len(problems)} answers differ from the matrix:\n" + "\n".join(problems)
