from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab

from documents.desk import DeskPanel
from documents.models import NoticePreference


@hooks.register("construct_homepage_panels")
def add_desk_panel(request, panels):
    panels.append(DeskPanel(request.user))


class NoticePreferenceForm(forms.ModelForm):
    class Meta:
        model = NoticePreference
        fields = ["email"]


@hooks.register("register_account_settings_panel")
class NoticeSettingsPanel(BaseSettingsPanel):
    """Account → Notifications: whether notices also come by e-mail."""

    name = "kyzmat_notices"
    title = _("Notices of the back office")
    tab = notifications_tab
    order = 200
    form_class = NoticePreferenceForm

    def get_form(self):
        preference = NoticePreference.objects.filter(user=self.user).first() or NoticePreference(user=self.user)
        data = (self.request.POST,) if self.request.method == "POST" else ()
        return self.form_class(*data, instance=preference, prefix=self.name)
