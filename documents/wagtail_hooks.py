from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.account import BaseSettingsPanel, notifications_tab
from wagtail.snippets.models import register_snippet

from documents import desk, views
from documents.desk import DeskPanel
from documents.instructions.enums import LIFECYCLE
from documents.instructions.viewsets import InstructionsGroup, desk_my_instructions, desk_reports_to_accept
from documents.models import NoticePreference
from governance.access import policy

register_snippet(InstructionsGroup)
desk.section(desk_my_instructions)
desk.section(desk_reports_to_accept)


@hooks.register("construct_homepage_panels")
def add_desk_panel(request, panels):
    panels.append(DeskPanel(request.user))


@hooks.register("register_admin_urls")
def notice_urls():
    return [
        path("notices/<int:pk>/", views.open_notice, name="kyzmat_notice"),
        path("notices/read/", views.read_all, name="kyzmat_notices_read"),
    ]


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


class DisciplineMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.can(request.user, "documents.view_discipline_report")


@hooks.register("register_log_actions")
def register_instruction_actions(actions):
    LIFECYCLE.register_log_actions(actions)


@hooks.register("register_instructions_menu_item")
def register_discipline_report_menu_item():
    return DisciplineMenuItem(
        _("Execution discipline"),
        reverse("wagtailsnippets_documents_instruction:discipline"),
        icon_name="table",
        order=3,
    )
