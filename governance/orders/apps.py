from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrdersConfig(AppConfig):
    name = "governance.orders"
    label = "orders"
    verbose_name = _("Orders")

    def ready(self):
        from documents import audit

        # Signing registers an order; these and the acts on signed orders go into the audit chain.
        audit.chain_actions("orders.sign", "orders.publish", "orders.suspend", "orders.resume", "orders.cancel")
