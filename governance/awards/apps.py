from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AwardsConfig(AppConfig):
    name = "governance.awards"
    label = "awards"
    verbose_name = _("Awards")

    def ready(self):
        from governance.awards import services
        from governance.orders.signals import order_signed

        def confer(sender, order, actor, **kwargs):
            services.order_signed(order=order, actor=actor)

        order_signed.connect(confer, dispatch_uid="awards.order_signed", weak=False)
