"""The archive in the admin: the nomenclature of files, case files with their due dates, legal holds
and acts of destruction. Every add and every button calls a service."""

import io

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from documents.archive import services
from documents.archive.docx import render_act
from documents.archive.enums import LIFECYCLE
from documents.archive.models import CaseFile, DestructionAct, FileHeading, LegalHold
from documents.lifecycle_admin import (
    Action,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    ReasonForm,
    SavedThroughService,
    saving_views,
)
from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet

HeadingCreateView, HeadingEditView = saving_views(services.heading_save, "heading")
HoldCreateView, _HoldEditView = saving_views(services.hold_place, "hold")


class FileHeadingViewSet(PolicySnippetViewSet):
    model = FileHeading
    icon = "list-ol"
    menu_label = _("Nomenclature of files")
    add_view_class = HeadingCreateView
    edit_view_class = HeadingEditView
    list_display = ["index", "title_ky", "title_ru", "subdivision", "retention_years", "permanent", "year"]
    list_filter = ["year", "permanent"]
    search_fields = ["index", "title_ky", "title_ru"]
    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("index")]),
        FieldRowPanel([FieldPanel("title_ky"), FieldPanel("title_ru")]),
        FieldPanel("subdivision"),
        FieldRowPanel([FieldPanel("permanent"), FieldPanel("retention_years")]),
        FieldPanel("authority"),
    ]


class CaseFileViewSet(PolicySnippetViewSet):
    model = CaseFile
    icon = "folder-open-inverse"
    menu_label = _("Case files")
    inspect_view_enabled = True
    inspect_view_fields = ["heading", "year", "status", "destroy_from"]
    list_display = ["heading", "year", "status", "destroy_from"]
    list_filter = ["status", "year"]


class LegalHoldViewSet(PolicySnippetViewSet):
    model = LegalHold
    icon = "lock"
    menu_label = _("Legal holds")
    add_view_class = HoldCreateView
    list_display = ["case", "starts_on", "ends_on", "placed_by"]
    panels = [FieldPanel("case"), FieldPanel("reason"), FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")])]


class ActCreateView(SavedThroughService, CreateView):
    """The records officer chooses case files whose retention has ended; the service refuses the others."""

    def save_through(self, instance):
        return services.destruction_propose(actor=self.request.user, cases=self.form.cleaned_data["cases"])


class ActInspectView(LifecycleInspectMixin, InspectView):
    template_name = "archive/admin/act_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["docx_url"] = reverse("wagtailsnippets_archive_destructionact:docx", args=(self.object.pk,))
        return context


class ActDocxView(View):
    """The stored act once approved, a draft before, for whoever may read acts of destruction."""

    def get(self, request, pk):
        act = get_object_or_404(DestructionAct.objects.select_related("proposed_by", "decided_by"), pk=pk)
        policy.require(request.user, "archive.view_destructionact", act)
        name = f"act-{act.number.replace('/', '-')}.docx"
        if act.file:
            return FileResponse(act.file.open("rb"), as_attachment=True, filename=name)
        return FileResponse(io.BytesIO(render_act(act)), as_attachment=True, filename=f"draft-{name}")


class DestructionActViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = DestructionAct
    icon = "bin"
    menu_label = _("Acts of destruction")
    add_view_class = ActCreateView
    inspect_view_enabled = True
    inspect_view_class = ActInspectView
    inspect_view_fields = ["number", "status", "cases", "proposed_by", "proposed_on", "decided_by", "decided_on"]
    lifecycle = LIFECYCLE
    record_arg = "act"
    transition_actions = {
        "approve": Action(
            services.destruction_approve,
            confirm=_("Approve “%(record)s”? The files of its case files are destroyed; this cannot be undone."),
        ),
        "refuse": Action(services.destruction_refuse, form=ReasonForm),
    }
    list_display = ["__str__", "status", "proposed_by", "proposed_on", "decided_by", "decided_on"]
    list_filter = ["status"]
    panels = [FieldPanel("cases")]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("docx/<int:pk>/", ActDocxView.as_view(), name="docx")]


class ArchiveGroup(SnippetViewSetGroup):
    menu_label = _("Archive")
    menu_icon = "folder-inverse"
    menu_order = 345
    items = (FileHeadingViewSet, CaseFileViewSet, LegalHoldViewSet, DestructionActViewSet)
