"""What other modules may react to without the orders module knowing them.

``order_signed`` is sent inside the signing transaction, after the order is registered: a receiver
that raises (a ``ValidationError`` in the user's language) refuses the signing, and nothing of it
is written. Receivers take effect of what the order carries (staffing tables, personnel actions).
"""

from django.dispatch import Signal

order_signed = Signal()  # sender=Order, order=..., actor=...

# Sent when what the public registry shows of these orders changes (published, suspended, resumed,
# cancelled): the public site purges the pages that show them.
order_public_changed = Signal()  # sender=Order, orders=[...]
