from django import forms
from django.utils.translation import gettext_lazy as _

from documents.appeals.models import AppealPoint
from documents.appeals.services import MAX_ATTACHMENT_BYTES
from documents.instructions.forms import InstructionForm
from governance.access.people import PersonChoiceField


class ResolutionForm(InstructionForm):
    """A resolution: the instruction form without a parent; the subject is the document."""

    class Meta(InstructionForm.Meta):
        fields = ["text", "executor", "co_executors", "controller", "subdivision", "deadline"]


class UploadForm(forms.Form):
    file = forms.FileField(label=_("file"), help_text=_("PDF, JPEG, PNG or .docx, at most 5 MB."))

    def read(self) -> tuple[str, bytes]:
        upload = self.cleaned_data["file"]
        return upload.name, upload.read(MAX_ATTACHMENT_BYTES + 1)


class ReaderForm(forms.Form):
    reader = PersonChoiceField(label=_("reader"))


class AnswerPointForm(forms.Form):
    """How the draft answer answers one point of its appeal."""

    point = forms.ModelChoiceField(label=_("point of the appeal"), queryset=AppealPoint.objects.none())
    text = forms.CharField(label=_("how it is answered"), widget=forms.Textarea(attrs={"rows": 3}))
    answered = forms.BooleanField(label=_("answered"), required=False, initial=True)

    def __init__(self, *args, document, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = AppealPoint.objects.filter(appeal_id=document.appeal_id).order_by("number")
