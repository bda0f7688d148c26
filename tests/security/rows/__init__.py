"""Each module's rows of the authorization matrix: a ``ROWS`` list per file, gathered here."""

from importlib import import_module
from pkgutil import iter_modules


def all_rows() -> list:
    rows = []
    for module in iter_modules(__path__):
        rows += import_module(f"{__name__}.{module.name}").ROWS
    return rows
