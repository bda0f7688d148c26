"""The to-do list on every user's dashboard: what awaits them, section by section, and the latest
notices.

Each module registers the sections it knows of, from its ``wagtail_hooks.py``::

    def desk_to_sign(user):
        if not is_signer(user):
            return None
        orders = selectors.to_sign()
        return desk.Section(_("Orders to sign"), count=orders.count(), items=[desk.Item(...) for o in orders[:10]])

    desk.section(desk_to_sign)

A section function runs a bounded number of queries whatever the number of records, and returns
None when the user has nothing to do with it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.functional import Promise
from wagtail.admin.ui.components import Component

from documents import notices

SHOWN = 10  # items listed per section; the count says how many there are in all


@dataclass(frozen=True)
class Item:
    title: str
    url: str
    date: datetime.date | datetime.datetime | None = None
    who: str = ""  # the drafter, the author: whose work it is


@dataclass(frozen=True)
class Section:
    title: str | Promise
    count: int
    items: list[Item] = field(default_factory=list)
    list_url: str = ""


_sections: list[Callable] = []


def section(function: Callable) -> Callable:
    """Register a section of the to-do list: ``function(user) -> Section | None``."""
    if function not in _sections:
        _sections.append(function)
    return function


def sections_for(user) -> list[Section]:
    return [found for function in _sections if (found := function(user)) is not None]


class DeskPanel(Component):
    """The dashboard panel: every section with its count, and the latest notices."""

    name = "desk"
    template_name = "documents/admin/desk.html"
    order = 40

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        return {"sections": sections_for(self.user), "notices": notices.recent(self.user)}
