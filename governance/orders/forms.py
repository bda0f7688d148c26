from wagtail.admin.forms import WagtailAdminModelForm

from governance.access import policy
from governance.orders.models import Order


class OrderForm(WagtailAdminModelForm):
    """The admin's draft form: an order may amend only signed orders that its author may read."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "amends" in self.fields:
            registered = Order.objects.registered().select_related("series")
            self.fields["amends"].queryset = policy.visible(for_user, "orders.view_order", registered)
