from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from documents.lifecycle_admin import (
    Action,
    CommentForm,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    SavedThroughService,
    error_messages,
    saving_views,
)
from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet
from governance.awards import docx, selectors, services
from governance.awards.enums import LIFECYCLE, AwardLevel, NominationStatus
from governance.awards.forms import AwardOrderForm, CollegiumForm, YearForm
from governance.awards.models import Award, AwardKind, Nomination

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _docx(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


AwardKindCreateView, AwardKindEditView = saving_views(services.award_kind_save, "kind")


class AwardKindViewSet(PolicySnippetViewSet):
    model = AwardKind
    icon = "pick"
    menu_label = _("Kinds of award")
    add_view_class = AwardKindCreateView
    edit_view_class = AwardKindEditView
    list_display = ["name_ky", "name_ru", "level", "repeat_after_years", "needs_collegium", "is_active"]
    list_filter = ["level", "is_active"]
    panels = [
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_ky"), FieldPanel("name_ru")]),
        FieldRowPanel([FieldPanel("level"), FieldPanel("repeat_after_years")]),
        FieldRowPanel([FieldPanel("needs_collegium"), FieldPanel("is_active"), FieldPanel("sort_order")]),
    ]


class NominationCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.nomination_propose(
            actor=self.request.user,
            kind=instance.kind,
            nominee_kind=instance.nominee_kind,
            employee=instance.employee,
            name_ky=instance.name_ky,
            name_ru=instance.name_ru,
            subdivision=instance.subdivision,
            language=instance.language,
            grounds_ky=instance.grounds_ky,
            grounds_ru=instance.grounds_ru,
        )


class NominationInspectView(LifecycleInspectMixin, InspectView):
    template_name = "awards/admin/nomination_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        nomination = self.object
        if nomination.kind.level == AwardLevel.STATE and nomination.status == NominationStatus.SUBMITTED:
            context["submission_url"] = reverse("wagtailsnippets_awards_nomination:submission", args=(nomination.pk,))
        return context


class NominationViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Nomination
    icon = "form"
    menu_label = _("Nominations")
    add_view_class = NominationCreateView
    inspect_view_enabled = True
    inspect_view_class = NominationInspectView
    inspect_view_fields = [
        "kind",
        "nominee_kind",
        "name_ky",
        "name_ru",
        "subdivision",
        "language",
        "grounds_ky",
        "grounds_ru",
        "status",
        "proposed_by",
        "collegium_decision",
        "decided_by",
        "decided_on",
        "comment",
        "order",
    ]
    lifecycle = LIFECYCLE
    record_arg = "nomination"
    transition_actions = {
        "collegium": Action(services.nomination_record_collegium, form=CollegiumForm),
        "approve": Action(services.nomination_approve, form=CommentForm),
        "reject": Action(services.nomination_reject, form=CommentForm),
    }
    list_display = ["name_ky", "kind", "subdivision", "status", "decided_on", "order"]
    list_filter = ["status", "kind", "subdivision"]
    search_fields = ["name_ky", "name_ru"]
    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("nominee_kind"), FieldPanel("employee")]),
        FieldRowPanel([FieldPanel("name_ky"), FieldPanel("name_ru")]),
        FieldRowPanel([FieldPanel("subdivision"), FieldPanel("language")]),
        FieldPanel("grounds_ky"),
        FieldPanel("grounds_ru"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("kind", "subdivision", "order")

    def submission_view(self, request, pk):
        nomination = get_object_or_404(Nomination.objects.select_related("kind"), pk=pk)
        policy.require(request.user, "awards.view_nomination", nomination)
        if nomination.kind.level != AwardLevel.STATE or nomination.status != NominationStatus.SUBMITTED:
            raise PermissionDenied
        return _docx(docx.render_submission(nomination), f"submission-{nomination.pk}.docx")

    def order_view(self, request):
        """HR drafts the order of the awards series that confers chosen approved nominations."""
        policy.require(request.user, "awards.draft_order")
        form = AwardOrderForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                order = services.award_order_draft(
                    actor=request.user,
                    nominations=form.cleaned_data["nominations"],
                    approvers=form.cleaned_data["approvers"],
                )
            except ValidationError as error:
                for message in error_messages(error):
                    messages.error(request, message)
            else:
                messages.success(request, _("The order is drafted: %(order)s") % {"order": order})
                return redirect("wagtailsnippets_orders_order:inspect", order.pk)
        return TemplateResponse(
            request,
            "awards/admin/order.html",
            {"page_title": _("Draft the order of awards"), "header_icon": "doc-full", "form": form},
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("submission/<int:pk>/", self.submission_view, name="submission"),
            path("order/", self.order_view, name="order"),
        ]


class AwardInspectView(InspectView):
    template_name = "awards/admin/award_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["certificate_url"] = reverse("wagtailsnippets_awards_award:certificate", args=(self.object.pk,))
        return context


class AwardViewSet(PolicySnippetViewSet):
    model = Award
    icon = "pick"
    menu_label = _("Awards conferred")
    inspect_view_enabled = True
    inspect_view_class = AwardInspectView
    inspect_view_fields = ["kind", "name_ky", "name_ru", "subdivision", "language", "conferred_on", "order"]
    list_display = [
        "name_ky",
        "kind",
        "subdivision",
        "conferred_on",
        Column("order", label=_("order"), accessor=lambda award: award.order.number_display),
    ]
    # no filter by employee: its choices would list every personnel record to whoever reads one award
    list_filter = {"kind": ["exact"], "subdivision": ["exact"], "conferred_on": ["year"]}
    search_fields = ["name_ky", "name_ru"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("kind", "subdivision", "order")

    def certificate_view(self, request, pk):
        award = get_object_or_404(Award.objects.select_related("kind", "order", "nomination"), pk=pk)
        policy.require(request.user, "awards.view_award", award)
        return _docx(docx.render_certificate(award), f"certificate-{award.pk}.docx")

    def report_view(self, request):
        """Awards by year, and by subdivision in a chosen year, among the awards the user may read."""
        policy.require(request.user, "awards.view_award")
        form = YearForm(request.GET or None)
        year = form.year_or_current()
        visible = policy.visible(request.user, "awards.view_award", Award.objects.all())
        return TemplateResponse(
            request,
            "awards/admin/report.html",
            {
                "page_title": _("Awards by year and subdivision"),
                "header_icon": "pick",
                "form": form,
                "year": year,
                "by_year": selectors.awards_by_year(visible),
                "by_subdivision": selectors.awards_by_subdivision(year, visible),
            },
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("certificate/<int:pk>/", self.certificate_view, name="certificate"),
            path("report/", self.report_view, name="report"),
        ]


class AwardsGroup(SnippetViewSetGroup):
    menu_label = _("Awards")
    menu_icon = "pick"
    menu_order = 330
    items = (NominationViewSet, AwardViewSet, AwardKindViewSet)
