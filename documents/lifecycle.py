"""The lifecycle kit: a module's statuses, its one table of transitions, and the actions a user may
take on a record now.

A module declares its lifecycle once, in its ``enums.py``::

    LIFECYCLE = Lifecycle(
        app="orders",
        transitions={"submit": ({S.DRAFT}, {S.IN_APPROVAL}), ...},
        labels={"submit": (_("Submit for approval"), _("Submitted for approval")), ...},
        guards={"publish": only_public},
    )

Its services call ``LIFECYCLE.check(action, record)`` before they change anything; the admin shows
the buttons of ``LIFECYCLE.actions_for(user, record)``: the table, the guards and the policy rule
``"<app>.<action>"`` together, and nothing else decides which buttons appear.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from governance.access import policy

# A guard says why an action cannot be taken on this record now, or None when it can.
Guard = Callable[[Model], str | Promise | None]


@dataclass(frozen=True)
class Lifecycle:
    """One module's transitions table: action → (statuses it may start from, statuses it may end in).

    An action with no end status (``(starts, ())``) leaves the status as it is: verifying a
    signature, say. The database's triggers read the same table (documents.registration).
    """

    app: str
    transitions: Mapping[str, tuple[Iterable[str], Iterable[str]]]
    # action → (the button's label, the label of the done action in the record's history)
    labels: Mapping[str, tuple[str | Promise, str | Promise]]
    # action → what the record itself must hold besides its status (e.g. only a public order is published)
    guards: Mapping[str, Guard] = field(default_factory=dict)
    status_field: str = "status"
    # Policy and log actions are "<app>.<action_prefix><action>": "documents.instruction_report".
    action_prefix: str = ""

    def __post_init__(self):
        table = {action: (frozenset(start), frozenset(end)) for action, (start, end) in self.transitions.items()}
        object.__setattr__(self, "transitions", table)
        missing = set(table) - set(self.labels)
        if missing:
            raise ImproperlyConfigured(f"{self.app}: no labels for the actions {sorted(missing)}.")
        unknown = set(self.guards) - set(table)
        if unknown:
            raise ImproperlyConfigured(f"{self.app}: guards for unknown actions {sorted(unknown)}.")

    @property
    def actions(self) -> tuple[str, ...]:
        return tuple(self.transitions)

    def policy_action(self, action: str) -> str:
        return f"{self.app}.{self.action_prefix}{action}"

    def log_action(self, action: str) -> str:
        """The name of the action in Wagtail's log, so the record's history names it."""
        return f"{self.app}.{self.action_prefix}{action}"

    def starts_from(self, action: str) -> frozenset[str]:
        return self._entry(action)[0]

    def ends_in(self, action: str) -> frozenset[str]:
        return self._entry(action)[1]

    def _entry(self, action: str):
        try:
            return self.transitions[action]
        except KeyError:
            raise ImproperlyConfigured(f"{self.app}: no transition {action!r}.") from None

    def may_take(self, action: str, status: str) -> bool:
        """Whether the table lets ``action`` start from ``status``."""
        return status in self.starts_from(action)

    def refusal(self, action: str, record: Model) -> str | Promise | None:
        """Why ``action`` cannot be taken on ``record`` now (its status or a guard), or None."""
        if not self.may_take(action, getattr(record, self.status_field)):
            return _("This cannot be done while the status is “%(status)s”.") % {
                "status": getattr(record, f"get_{self.status_field}_display")()
            }
        guard = self.guards.get(action)
        return guard(record) if guard else None

    def check(self, action: str, record: Model) -> None:
        """Raise a ValidationError in the user's language unless ``action`` may be taken on ``record`` now."""
        reason = self.refusal(action, record)
        if reason is not None:
            raise ValidationError(reason, code="status")

    def check_end(self, action: str, status: str) -> None:
        """A service's own assertion that it ends ``action`` in a status the table allows."""
        if status not in self.ends_in(action):
            raise ImproperlyConfigured(f"{self.app}: {action!r} may not end in {status!r}.")

    def actions_for(self, user, record: Model) -> list[str]:
        """The actions ``user`` may take on ``record`` now: the admin shows exactly these buttons."""
        return [
            action
            for action in self.transitions
            if self.refusal(action, record) is None and policy.can(user, self.policy_action(action), record)
        ]

    def register_log_actions(self, registry) -> None:
        """Register every action with Wagtail's log (from a ``register_log_actions`` hook); the
        history shows the comment or the reason given with it."""
        for action, (label, done) in self.labels.items():
            formatter = type(f"{self.app}_{action}_formatter", (ActionLogFormatter,), {"label": label, "message": done})
            registry.register_action(self.log_action(action))(formatter)


class ActionLogFormatter(LogFormatter):
    """The done action, followed by the comment or the reason that came with it."""

    def format_comment(self, log_entry):
        data = log_entry.data or {}
        language = "ru" if (get_language() or "").startswith("ru") else "ky"
        return data.get("comment") or data.get(f"reason_{language}") or data.get("reason") or ""

    def format_message(self, log_entry):
        comment = self.format_comment(log_entry)
        return f"{self.message}: {comment}" if comment else self.message
