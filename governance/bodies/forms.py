from django import forms
from django.utils.translation import gettext_lazy as _

from documents.lifecycle_admin import ActionForm


class ResponseForm(ActionForm):
    response_ky = forms.CharField(label=_("response (Kyrgyz)"), widget=forms.Textarea(attrs={"rows": 5, "lang": "ky"}))
    response_ru = forms.CharField(label=_("response (Russian)"), widget=forms.Textarea(attrs={"rows": 5, "lang": "ru"}))
