"""Checks of the search set-up that only the database itself can answer."""

from django.core.checks import Tags, Warning, register
from django.db import connections

# Capital Cyrillic letters, Russian and Kyrgyz, and what a UTF-8 locale lowercases them to.
CYRILLIC_UPPER = "МИГРАНТ ӨМҮР ҢЁ"
CYRILLIC_LOWER = "мигрант өмүр ңё"


@register(Tags.database)
def postgres_lowercases_cyrillic(app_configs=None, databases=None, **kwargs):
    """PostgreSQL's full-text search lowercases words by the database's LC_CTYPE: under a locale
    that is not UTF-8 ("C", "POSIX") Cyrillic stays as typed, and "Мигрант" no longer finds
    "мигрант". Run by ``migrate`` and by ``check --database default``."""
    problems = []
    for alias in databases or ():
        connection = connections[alias]
        if connection.vendor != "postgresql":
            continue
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT lower(%s), datctype FROM pg_database WHERE datname = current_database()", [CYRILLIC_UPPER]
            )
            lowered, ctype = cursor.fetchone()
        if lowered != CYRILLIC_LOWER:
            problems.append(
                Warning(
                    f"The database {connection.settings_dict['NAME']!r} has LC_CTYPE {ctype!r}, which does not "
                    "lowercase Cyrillic: full-text search will miss words typed in another case.",
                    hint="Create the database with a UTF-8 locale, e.g. "
                    "CREATE DATABASE … LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8' TEMPLATE template0 (docs/search.md).",
                    id="site_search.W001",
                )
            )
    return problems
