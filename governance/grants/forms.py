from django import forms
from django.utils.translation import gettext_lazy as _

from documents.lifecycle_admin import ActionForm


class SignForm(ActionForm):
    date = forms.DateField(label=_("signed on"), widget=forms.DateInput(attrs={"type": "date"}))


class ReceiveForm(ActionForm):
    received_on = forms.DateField(label=_("received on"), widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("amount"), max_digits=16, decimal_places=2)
    currency = forms.CharField(label=_("currency"), max_length=3, min_length=3)
    rate = forms.DecimalField(label=_("rate"), max_digits=18, decimal_places=6, required=False)
    rate_date = forms.DateField(
        label=_("date of the rate"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_currency(self):
        return self.cleaned_data["currency"].upper()
