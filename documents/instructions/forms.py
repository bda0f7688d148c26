from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from documents.instructions import selectors
from documents.instructions.models import Instruction
from documents.lifecycle_admin import ActionForm
from governance.access.people import PersonMultipleChoiceField, people


class InstructionForm(WagtailAdminModelForm):
    """The admin's form for a new instruction: a fixed deadline, or a number of days from today."""

    days = forms.IntegerField(
        label=_("number of days"), required=False, min_value=1, help_text=_("Instead of a deadline date.")
    )
    working_days = forms.BooleanField(
        label=_("working days"), required=False, initial=True, help_text=_("Empty: calendar days.")
    )

    class Meta:
        model = Instruction
        fields = ["parent", "title", "text", "executor", "co_executors", "controller", "subdivision", "deadline"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.fields["deadline"].required = False
        self.fields["deadline"].help_text = _("A day off moves it to the next working day.")
        if "parent" in self.fields:
            self.fields["parent"].queryset = selectors.visible(for_user).open()
        for name in ("executor", "controller"):
            if name in self.fields:
                self.fields[name].queryset = people()
        if "co_executors" in self.fields:
            field = self.fields["co_executors"]
            self.fields["co_executors"] = PersonMultipleChoiceField(
                label=field.label, required=field.required, help_text=field.help_text, widget=field.widget
            )

    def clean(self):
        data = super().clean()
        if (data.get("deadline") is None) == (data.get("days") is None):
            raise ValidationError(_("Give either a deadline date or a number of days."))
        return data

    def _post_clean(self):
        """The form builds no instance: instruction_create builds and validates it."""

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "parent": data.get("parent"),
            "title": data.get("title") or "",
            "text": data.get("text") or "",
            "executor": data["executor"],
            "co_executors": list(data.get("co_executors") or ()),
            "controller": data["controller"],
            "subdivision": data.get("subdivision"),
            "deadline": data.get("deadline"),
            "days": data.get("days"),
            "working_days": bool(data.get("working_days")),
        }


class TextForm(ActionForm):
    """A report, or a co-executor's contribution to it."""

    text = forms.CharField(label=_("text"), widget=forms.Textarea(attrs={"rows": 3}))


class ExtensionForm(ActionForm):
    deadline = forms.DateField(label=_("requested deadline"), widget=AdminDateInput)
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))
