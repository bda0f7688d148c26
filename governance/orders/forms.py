from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from documents.lifecycle_admin import ReasonForm
from governance.access import policy
from governance.orders import selectors
from governance.orders.models import Order


class OrderForm(WagtailAdminModelForm):
    """The admin's draft form: an order may amend only signed orders that its author may read."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if "amends" in self.fields:
            registered = Order.objects.registered().select_related("series")
            self.fields["amends"].queryset = policy.visible(for_user, "orders.view_order", registered)


class ByOrderForm(ReasonForm):
    """Suspending, resuming or cancelling names the signed order that does it, and the reason."""

    by_order = forms.ModelChoiceField(
        label=_("by order"),
        queryset=Order.objects.none(),
        error_messages={
            "required": _("Name another signed order that does this."),
            "invalid_choice": _("Name another signed order that does this."),
        },
    )
    field_order = ["by_order", "reason"]

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        self.fields["by_order"].queryset = policy.visible(
            user, "orders.view_order", selectors.acting_orders(exclude=record)
        )
