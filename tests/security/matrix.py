"""The authorization matrix: every URL pattern, every role and anonymous readers, one answer each.

A ``Row`` covers one or more URL patterns (``fnmatch`` patterns over the pattern's name,
"namespace:name", or over its route when it has no name), says how to build the URLs to try from
the shared objects (``World``) and what each reader may get (``expect``). ``not_applicable``
rows name patterns that are not tried and say why. Each module adds its rows in a file under
``tests/security/rows/`` (a ``ROWS`` list); a pattern that no row covers fails the test by name.

Besides the answer, every body is searched for the titles of records the reader may not read
(``World.secrets``): a title that leaks fails the test whatever the row expected.
"""

import fnmatch
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver, reverse

# What a reader gets, classified from the response.
OK, LOGIN, DENIED, MISSING, METHOD, REDIRECT, BAD, ERROR = (
    "ok",
    "login",
    "denied",
    "missing",
    "method",
    "redirect",
    "bad request",
    "error",
)
ANY_ANSWER = frozenset({OK, LOGIN, DENIED, MISSING, METHOD, REDIRECT, BAD})
ANONYMOUS = "anonymous"


@dataclass(frozen=True)
class Pattern:
    route: str
    name: str | None
    converters: dict

    @property
    def key(self) -> str:
        return self.name or self.route


def url_patterns(patterns=None, prefix: str = "", namespace: str = "") -> list[Pattern]:
    """Every URL pattern of the site, taken from the resolver."""
    found = []
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            found += url_patterns(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            converters = getattr(entry.pattern, "converters", {})
            name = f"{namespace}{entry.name}" if entry.name else None
            found.append(Pattern(prefix + str(entry.pattern), name, dict(converters)))
    return found


Expect = Callable[[str, "World"], frozenset]


@dataclass(frozen=True)
class Row:
    patterns: tuple[str, ...]
    expect: Expect | None = None
    # The URLs to try; by default each covered pattern reversed with the World's arguments.
    paths: Callable[["World"], list[str]] | None = None
    why: str = ""  # for a row that is not tried

    def covers(self, pattern: Pattern) -> bool:
        return any(fnmatch.fnmatchcase(pattern.key, p) for p in self.patterns)


def not_applicable(*patterns: str, why: str) -> Row:
    return Row(patterns, why=why)


@dataclass
class World:
    """The objects every row shares, and one user per role."""

    users: dict  # role code -> user
    objects: dict  # name -> object
    secrets: list = field(default_factory=list)  # (text, may_see(user) -> bool)
    default_args: dict = field(default_factory=dict)  # URL keyword -> value for Wagtail's own views

    def args_for(self, pattern: Pattern) -> dict:
        kwargs = {}
        for name, converter in pattern.converters.items():
            if name in self.default_args:
                kwargs[name] = self.default_args[name]
            else:
                kwargs[name] = 999999 if "Int" in type(converter).__name__ else "x"
        return kwargs

    def reverse(self, pattern: Pattern) -> str:
        return reverse(pattern.name, kwargs=self.args_for(pattern))


def classify(response, path: str) -> str:
    status = response.status_code
    if 200 <= status < 300:
        return OK
    if status == 400:
        return BAD
    if status == 401:
        return LOGIN
    if status == 403:
        return DENIED
    if status == 404:
        return MISSING
    if status == 405:
        return METHOD
    if status in (301, 302, 303, 307, 308):
        location = response["Location"].split("?")[0]
        if "login" in location:
            return LOGIN
        if location in ("/admin/", "/ky/admin/", "/ru/admin/"):
            return DENIED  # Wagtail sends a refused admin user back to the dashboard
        if location in (f"/ky{path}", f"/ru{path}"):
            return MISSING  # nothing here: the locale middleware tries the language prefix
        return REDIRECT
    return ERROR


# Rules: who gets what.


def everyone(*answers: str) -> Expect:
    allowed = frozenset(answers or (OK,))
    return lambda who, world: allowed


def admin(may: Callable[[object, "World"], bool] = lambda user, world: True, refused=(DENIED,)) -> Expect:
    """An admin view: anonymous readers go to the login page; who ``may`` gets it, others are refused."""

    def expect(who, world):
        if who == ANONYMOUS:
            return frozenset({LOGIN})
        return frozenset({OK}) if may(world.users[who], world) else frozenset(refused)

    return expect


def admin_any() -> Expect:
    """Wagtail's own view of its own models: any clean answer; the secrets check guards the body."""
    return lambda who, world: frozenset({LOGIN}) if who == ANONYMOUS else ANY_ANSWER
