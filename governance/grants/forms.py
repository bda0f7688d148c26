from django import forms
from django.utils.translation import gettext_lazy as _

from documents.lifecycle_admin import ActionForm


class SignForm(ActionForm):
    date = forms.DateField(label=_("signed on"), widget=forms.DateInput(attrs={"type": "date"}))
