from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from documents.lifecycle_admin import ActionForm
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


class ByOrderForm(ActionForm):
    """Suspending, resuming or cancelling names the signed order that does it (one that names this
    order in its links or text), and the reason in both languages. Nothing is chosen beforehand."""

    by_order = forms.ModelChoiceField(
        label=_("by order"),
        queryset=Order.objects.none(),
        error_messages={
            "required": _("Name another signed order that does this."),
            "invalid_choice": _("Name another signed order that does this."),
        },
    )
    reason_ky = forms.CharField(label=_("reason (Kyrgyz)"), widget=forms.Textarea(attrs={"rows": 2}))
    reason_ru = forms.CharField(label=_("reason (Russian)"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, record, user, **kwargs):
        super().__init__(*args, record=record, user=user, **kwargs)
        self.fields["by_order"].queryset = policy.visible(
            user, "orders.view_order", selectors.acting_orders(for_order=record)
        )
        self.fields["by_order"].help_text = _(
            "Only signed orders that list this order among the orders they refer to, or cite its number in "
            "their text, are offered."
        )
