"""The to-do list on every user's dashboard: what awaits them, section by section, and the latest
notices.

Each module registers the sections it knows of, from its ``wagtail_hooks.py``::

    def desk_to_sign(user):
        if not is_signer(user):
            return None
        return desk.records_section(
            _("Orders to sign"),
            selectors.to_sign(),
            url=lambda order: reverse("wagtailsnippets_orders_order:inspect", args=(order.pk,)),
            date=lambda order: order.updated_at,
            who=lambda order: person_label(order.drafter),
        )

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


def records_section(
    title,
    records,
    *,
    url: Callable,
    date: Callable,
    who: Callable,
    list_url: str = "",
    hide_empty: bool = False,
) -> Section | None:
    """A section listing records: the first ``SHOWN`` of ``records`` (a queryset, in the order it
    gives), each with its address, date and whose work it is, and the count of all of them."""
    shown = list(records[:SHOWN])
    if hide_empty and not shown:
        return None
    items = [Item(title=str(record), url=url(record), date=date(record), who=who(record)) for record in shown]
    return Section(title=title, count=records.count(), items=items, list_url=list_url)


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
        return {
            "sections": sections_for(self.user),
            "notices": notices.recent(self.user),
            "unread": notices.unread(self.user).count(),
        }
