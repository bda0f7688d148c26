from django import forms
from django.utils.translation import gettext_lazy as _

from documents.lifecycle_admin import ActionForm


class DatedStepForm(ActionForm):
    """The date of the step and an optional note for the timeline, in both languages."""

    date = forms.DateField(label=_("date"), widget=forms.DateInput(attrs={"type": "date"}))
    note_ky = forms.CharField(label=_("note (Kyrgyz)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    note_ru = forms.CharField(label=_("note (Russian)"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
