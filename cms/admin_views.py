"""The editors' admin screen that imports a legal act from .docx (docs/import.md)."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from cms.act_import import act_import
from documents.office_guard import MAX_FILE_BYTES
from governance.access import policy

LANGUAGES = [("ky", _("Kyrgyz")), ("ru", _("Russian"))]


class ImportActForm(forms.Form):
    file = forms.FileField(label=_("The act as .docx"), widget=forms.ClearableFileInput(attrs={"accept": ".docx"}))
    language = forms.ChoiceField(label=_("Language of the act"), choices=LANGUAGES)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is larger than %(limit)s MB.") % {"limit": f"{MAX_FILE_BYTES / (1024 * 1024):g}"}
            )
        return upload


class ImportActView(WagtailAdminTemplateMixin, FormView):
    """Upload a .docx; the act is saved as a draft page and what was not recognised is listed."""

    template_name = "cms/admin/import_act.html"
    form_class = ImportActForm
    page_title = _("Import a legal act")
    header_icon = "doc-full"

    def dispatch(self, request, *args, **kwargs):
        policy.require(request.user, "cms.import_act")
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"language": self.request.GET.get("language") if self.request.GET.get("language") == "ru" else "ky"}

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        try:
            imported = act_import(
                data=upload.read(MAX_FILE_BYTES + 1), language=form.cleaned_data["language"], user=self.request.user
            )
        except ValidationError as error:
            form.add_error("file", error)
            return self.form_invalid(form)
        return self.render_to_response(
            self.get_context_data(
                form=self.form_class(initial={"language": form.cleaned_data["language"]}),
                imported=imported,
                edit_url=reverse("wagtailadmin_pages:edit", args=(imported.page.pk,)),
            )
        )
