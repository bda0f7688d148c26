"""PostgreSQL triggers made from a ``Registration`` (django-pgtrigger installs them by migrations).

No model writes SQL of its own: the columns, the statuses and the transitions come from the
declaration, the table names from the models. On SQLite pgtrigger installs nothing; the model's
guard and ``verify()`` keep the rules there. Every refusal is an ``integrity_constraint_violation``
(Django's ``IntegrityError``), except the transitions table's (pgtrigger's own FSM trigger,
``InternalError``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pgtrigger
from django.db import models

if TYPE_CHECKING:
    from documents.registration import Registration

REFUSE = "RAISE EXCEPTION '{message}', TG_TABLE_NAME USING ERRCODE = 'integrity_constraint_violation';"


def _quote(name: str) -> str:
    return pgtrigger.utils.quote(name)


def _literals(values) -> str:
    return ", ".join("'" + str(value).replace("'", "''") + "'" for value in values)


class _Condition(pgtrigger.Condition):
    """A condition whose SQL is made from the model when the trigger is compiled."""

    def __init__(self, build):
        self.build = build

    def resolve(self, model: type[models.Model]) -> str:
        return self.build(model)


def _column(model: type[models.Model], name: str) -> str:
    return _quote(model._meta.get_field(name).column)


def _registered(registration: Registration, model, row: str = "OLD") -> str:
    status = _column(model, registration.status_field)
    return f"{row}.{status} IN ({_literals(registration.sorted_statuses())})"


def _any_change(model, names) -> str:
    changes = [f"OLD.{_column(model, name)} IS DISTINCT FROM NEW.{_column(model, name)}" for name in names]
    return "(" + " OR ".join(changes) + ")"


def _refusal(message: str, result: str) -> str:
    return f"{REFUSE.format(message=message)}\nRETURN {result};"


def registered_triggers(registration: Registration) -> list[pgtrigger.Trigger]:
    """The triggers of a registered kind's own table."""
    return [
        pgtrigger.Trigger(
            name="frozen",
            operation=pgtrigger.Update,
            when=pgtrigger.Before,
            condition=_Condition(
                lambda model: f"{_registered(registration, model)} AND {_any_change(model, registration.frozen)}"
            ),
            func=_refusal("kyzmat: a registered row of % keeps its frozen fields", "NULL"),
        ),
        pgtrigger.Trigger(
            name="kept",
            operation=pgtrigger.Delete,
            when=pgtrigger.Before,
            condition=_Condition(lambda model: _registered(registration, model)),
            func=_refusal("kyzmat: a registered row of % is never deleted", "NULL"),
        ),
        # Status and publication change after registration only through a service's
        # save_lifecycle(), which ignores this one trigger for its own statement.
        pgtrigger.Trigger(
            name="lifecycle",
            operation=pgtrigger.Update,
            when=pgtrigger.Before,
            condition=_Condition(
                lambda model: f"{_registered(registration, model)} AND {_any_change(model, registration.lifecycle)}"
            ),
            func=_refusal("kyzmat: the status of a registered row of % changes only through its services", "NULL"),
        ),
        # And whoever writes, only along the transitions table.
        pgtrigger.FSM(name="transitions", field=registration.status_field, transitions=registration.transition_pairs()),
    ]


def frozen_child_triggers(registration: Registration, parent: str) -> list[pgtrigger.Trigger]:
    """The trigger of a child table: no row of a registered parent is added, changed or removed."""

    def func(model: type[models.Model]) -> str:
        fk = model._meta.get_field(parent)
        parent_model = fk.related_model
        table, pk = _quote(parent_model._meta.db_table), _quote(parent_model._meta.pk.column)
        column = _quote(fk.column)
        statuses = _literals(registration.sorted_statuses())
        status = _column(parent_model, registration.status_field)
        refuse = REFUSE.format(message="kyzmat: the rows of % of a registered record are frozen")

        def registered(row: str) -> str:
            # Names from the models and statuses from the declaration, quoted: no outside input.
            return f"EXISTS (SELECT 1 FROM {table} WHERE {pk} = {row}.{column} AND {status} IN ({statuses}))"  # noqa: S608  # nosec B608

        return f"""
            IF TG_OP <> 'INSERT' THEN
                IF {registered("OLD")} THEN {refuse} END IF;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                IF {registered("NEW")} THEN {refuse} END IF;
                RETURN NEW;
            END IF;
            RETURN OLD;
        """

    class FrozenChildTrigger(pgtrigger.Trigger):
        def get_func(self, model):
            return func(model)

    return [
        FrozenChildTrigger(
            name="frozen_with_parent",
            operation=pgtrigger.Insert | pgtrigger.Update | pgtrigger.Delete,
            when=pgtrigger.Before,
        )
    ]
