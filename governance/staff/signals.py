"""What other modules may react to without the staff module knowing them.

``action_took_effect`` is sent inside the signing transaction of a personnel order, once for each
action, and inside the transaction that records the external act of an action on a nomenclature
post, after the post history is written: a receiver sees the holders as they stand from the
action's date (collegial bodies move the seats that go with a post). A receiver that raises refuses
the signing (or the recording).
"""

from django.dispatch import Signal

action_took_effect = Signal()  # sender=PersonnelAction, action=..., actor=...
