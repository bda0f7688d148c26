from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminDateInput

from documents.appeals.models import AppealPoint
from documents.appeals.services import MAX_ATTACHMENT_BYTES
from documents.correspondence.models import ResolutionDraft
from documents.correspondence.permissions import HEADS
from documents.instructions.forms import InstructionForm
from documents.lifecycle_admin import ActionForm
from governance.access.people import PersonChoiceField, PersonMultipleChoiceField, people


class ResolutionForm(InstructionForm):
    """A resolution: the instruction form without a parent; the subject is the document."""

    class Meta(InstructionForm.Meta):
        fields = ["text", "executor", "co_executors", "controller", "subdivision", "deadline"]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("file"), help_text=_("PDF, JPEG, PNG or .docx, at most 5 MB."))

    def read(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["file"]
        return upload.name, upload.read(MAX_ATTACHMENT_BYTES + 1)


class AppealAnswerForm(forms.Form):
    """The answer to a citizen's appeal begins as an outgoing draft: its subject and summary."""

    subject = forms.CharField(label=_("subject"), max_length=500)
    summary = forms.CharField(label=_("summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReaderForm(forms.Form):
    reader = PersonChoiceField(label=_("reader"))


class ResolutionDraftForm(WagtailAdminModelForm):
    """A draft resolution for a head: the data of a resolution, the controller being the head."""

    class Meta:
        model = ResolutionDraft
        fields = ["head", "text", "responsible", "co_executors", "subdivision", "deadline"]
        widgets = {"deadline": AdminDateInput, "text": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["head"] = PersonChoiceField(
            queryset=get_user_model().objects.filter(is_active=True, groups__role__code__in=HEADS).distinct(),
            label=self.fields["head"].label,
            help_text=self.fields["head"].help_text,
        )
        self.fields["responsible"].queryset = people()
        field = self.fields["co_executors"]
        self.fields["co_executors"] = PersonMultipleChoiceField(label=field.label, required=False)
        self.fields["deadline"].help_text = _("A day off moves it to the next working day.")

    def _post_clean(self):
        """The form builds no instance: resolution_draft_prepare builds and validates it."""

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {**data, "co_executors": list(data.get("co_executors") or ())}


class RemarkForm(ActionForm):
    remark = forms.CharField(label=_("remark"), widget=forms.Textarea(attrs={"rows": 2}))


class AnswerPointForm(forms.Form):
    """How the draft answer answers one point of its appeal."""

    point = forms.ModelChoiceField(label=_("point of the appeal"), queryset=AppealPoint.objects.none())
    text = forms.CharField(label=_("how it is answered"), widget=forms.Textarea(attrs={"rows": 3}))
    answered = forms.BooleanField(label=_("answered"), required=False, initial=True)

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = AppealPoint.objects.filter(appeal_id=document.appeal_id).order_by("number")
