from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "governance.staff"
    label = "staff"
    verbose_name = _("Staff")

    def ready(self):
        from governance.orders.signals import order_signed
        from governance.staff import services

        def take_effect(sender, order, actor, **kwargs):
            services.order_signed(order=order, actor=actor)

        order_signed.connect(take_effect, dispatch_uid="staff.order_signed", weak=False)
