import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from documents.appeals import services
from documents.appeals.enums import Kind, Sender
from documents.appeals.models import Appeal, AppealPoint

STARTED_SALT = "appeals.form-started"
MAX_FORM_AGE = 24 * 60 * 60


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else [data] if data else []
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class AppealForm(forms.ModelForm):
    """The public form. Two guards against machines, with no outside service: a field people never
    see (``website``) must stay empty, and the form must have been open a few seconds (``started``,
    signed by the server when the form was shown)."""

    attachments = MultipleFileField(
        label=_("Attachments"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png,.docx"}),
        help_text=_("Up to 3 files: PDF, JPEG, PNG or .docx, up to 5 MB each."),
    )
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    class Meta:
        model = Appeal
        fields = ["kind", "sender", "anonymous", "name", "organisation", "email", "phone", "postal_address", "text"]
        widgets = {
            "kind": forms.RadioSelect,
            "sender": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 10, "maxlength": 10000}),
        }
        labels = {"name": _("Your name, or the name of whoever signs for the organisation")}
        help_texts = {
            "email": _("Needed for a signed appeal. If you do not give your name, you may leave it empty too."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Kind.choices
        self.fields["sender"].choices = Sender.choices
        self.fields["text"].max_length = 10000
        if not self.is_bound:
            self.initial["started"] = signing.Signer(salt=STARTED_SALT).sign(str(time.time()))

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise ValidationError(_("The form could not be accepted. Reload the page and try again."))
        return ""

    def clean_started(self):
        try:
            started = float(signing.Signer(salt=STARTED_SALT).unsign(self.cleaned_data["started"]))
        except (signing.BadSignature, ValueError):
            raise ValidationError(_("The form could not be accepted. Reload the page and try again.")) from None
        age = time.time() - started
        if age > MAX_FORM_AGE:
            raise ValidationError(_("The form could not be accepted. Reload the page and try again."))
        if age < settings.APPEAL_FORM_MIN_SECONDS:
            raise ValidationError(_("The form was sent too quickly. Check it and send it again."))
        return ""

    def clean_text(self):
        text = self.cleaned_data["text"].strip()
        if len(text) < 20:
            raise ValidationError(_("Describe your appeal in at least a few words."))
        return text

    def clean_attachments(self):
        files = self.cleaned_data.get("attachments") or []
        if len(files) > services.MAX_ATTACHMENTS:
            raise ValidationError(_("Attach at most %(count)d files.") % {"count": services.MAX_ATTACHMENTS})
        checked = []
        for upload in files:
            data = upload.read(services.MAX_ATTACHMENT_BYTES + 1)
            checked.append(services.check_attachment(upload.name, data))
        return checked

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("sender") == Sender.ORGANISATION and not cleaned.get("organisation"):
            self.add_error("organisation", _("Name the organisation."))
        return cleaned


class StatusForm(forms.Form):
    code = forms.CharField(label=_("Access code from your link"), max_length=100)

    not_found = _("No appeal has this code. Open the link from your confirmation again, or copy the code exactly.")


class ProcessForm(forms.Form):
    """The records office's step on an appeal; the service checks what the step needs."""

    ACTIONS = [
        ("extend", _("Extend the term")),
        ("forward", _("Forward by competence")),
        ("point", _("Record or correct a point of the appeal")),
        ("unconsidered", _("Leave the anonymous appeal unconsidered")),
    ]

    action = forms.ChoiceField(label=_("Step"), choices=ACTIONS, widget=forms.RadioSelect)
    until = forms.DateField(label=_("extended to"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    reason = forms.CharField(label=_("reason for the extension"), required=False)
    to = forms.CharField(label=_("forwarded to"), required=False, max_length=300)
    point = forms.ModelChoiceField(
        label=_("point to correct"),
        queryset=AppealPoint.objects.none(),
        required=False,
        empty_label=_("a new point"),
    )
    point_text = forms.CharField(label=_("text of the point"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    unconsidered_reason = forms.CharField(
        label=_("reason for leaving it unconsidered"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, appeal: Appeal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["point"].queryset = appeal.points.all()
        if not appeal.anonymous:  # only an anonymous appeal may be left unconsidered
            self.fields["action"].choices = [c for c in self.ACTIONS if c[0] != "unconsidered"]
            del self.fields["unconsidered_reason"]
