"""Reads of the structure on a date."""

import datetime
from dataclasses import dataclass

from governance.staff.models import PostHolding
from governance.structure.models import Subdivision


@dataclass(frozen=True)
class Node:
    subdivision: Subdivision
    depth: int


def structure_on(day: datetime.date) -> list[Node]:
    """The tree of subdivisions that exist on ``day``, parents before their children (one query)."""
    rows = list(Subdivision.objects.on(day).select_related("head_position").order_by("sort_order", "code"))
    present = {s.pk for s in rows}
    children: dict[int | None, list[Subdivision]] = {}
    for subdivision in rows:
        parent = subdivision.parent_id if subdivision.parent_id in present else None
        children.setdefault(parent, []).append(subdivision)
    tree: list[Node] = []

    def walk(parent, depth):
        for subdivision in children.get(parent, []):
            tree.append(Node(subdivision, depth))
            walk(subdivision.pk, depth + 1)

    walk(None, 0)
    return tree


@dataclass(frozen=True)
class StructureChange:
    added: list[Subdivision]
    removed: list[Subdivision]


def structure_compare(before: datetime.date, after: datetime.date) -> StructureChange:
    """The subdivisions that exist on ``after`` and not on ``before`` (added), and the reverse."""
    old = {node.subdivision.pk: node.subdivision for node in structure_on(before)}
    new = {node.subdivision.pk: node.subdivision for node in structure_on(after)}
    return StructureChange(
        added=[s for pk, s in new.items() if pk not in old],
        removed=[s for pk, s in old.items() if pk not in new],
    )


def subtree_ids(roots) -> set[int]:
    """The primary keys of ``roots`` and of every subdivision under them (one query)."""
    parents = dict(Subdivision.objects.values_list("pk", "parent_id"))
    children: dict[int, list[int]] = {}
    for pk, parent in parents.items():
        children.setdefault(parent, []).append(pk)
    found, stack = set(), [getattr(root, "pk", root) for root in roots]
    while stack:
        pk = stack.pop()
        if pk not in found:
            found.add(pk)
            stack += children.get(pk, [])
    return found


@dataclass(frozen=True)
class Head:
    name: str
    position: str
    acting: bool


def heads_on(day: datetime.date, subdivisions) -> dict[int, Head]:
    """Who holds (or acts in) each subdivision's head's position on ``day``: a name and a post, nothing else."""
    wanted = {s.pk: s.head_position_id for s in subdivisions if s.head_position_id}
    holdings = (
        PostHolding.objects.on(day)
        .filter(subdivision_id__in=wanted)
        .select_related("employee", "position")
        .order_by("acting", "date_from")
    )
    heads: dict[int, Head] = {}
    for holding in holdings:
        if wanted.get(holding.subdivision_id) == holding.position_id and holding.subdivision_id not in heads:
            heads[holding.subdivision_id] = Head(holding.employee.full_name(), holding.position.title(), holding.acting)
    return heads
