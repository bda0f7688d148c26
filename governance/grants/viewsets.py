from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from documents.lifecycle_admin import (
    Action,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    SavedThroughService,
    saving_views,
)
from governance.access import policy
from governance.access.admin import EditView, InspectView, PolicySnippetViewSet
from governance.grants import exports, selectors, services
from governance.grants.enums import LIFECYCLE, TRANCHE_LIFECYCLE
from governance.grants.forms import ReceiveForm, SignForm
from governance.grants.models import BudgetLine, Donor, Expenditure, Grant, GrantReport, Tranche

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


DonorCreateView, DonorEditView = saving_views(services.donor_save, "donor")


class DonorViewSet(PolicySnippetViewSet):
    model = Donor
    icon = "group"
    menu_label = _("Donors")
    add_view_class = DonorCreateView
    edit_view_class = DonorEditView
    list_display = ["name_ky", "name_ru", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name_ky", "name_ru"]
    panels = [FieldPanel("kind"), FieldRowPanel([FieldPanel("name_ky"), FieldPanel("name_ru")]), FieldPanel("country")]


GrantCreateView, GrantEditView = saving_views(services.grant_save, "grant")


class GrantInspectView(LifecycleInspectMixin, InspectView):
    template_name = "grants/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        grant = self.object
        received, spent = selectors.received(grant), selectors.spent(grant)
        context.update(
            received=received,
            spent=spent,
            balance=received - spent,
            lines=selectors.by_line(grant),
            tranches=selectors.by_tranche(grant),
            reports=grant.reports.all(),
            xlsx_url=reverse("wagtailsnippets_grants_grant:xlsx", args=(grant.pk,)),
        )
        return context


class GrantViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Grant
    icon = "pick"
    menu_label = _("Grants")
    add_view_class = GrantCreateView
    edit_view_class = GrantEditView
    inspect_view_enabled = True
    inspect_view_class = GrantInspectView
    lifecycle = LIFECYCLE
    record_arg = "grant"
    transition_actions = {
        "sign": Action(services.grant_sign, form=SignForm),
        "activate": Action(services.grant_activate),
        "close": Action(services.grant_close, confirm=_("Close “%(record)s”? No more money moves on it.")),
    }
    list_display = ["title_ky", "donor", "amount", "currency", "status", "starts_on", "ends_on"]
    list_filter = ["status", "currency", "donor", "is_public"]
    search_fields = ["title_ky", "title_ru"]
    panels = [
        FieldPanel("donor"),
        FieldRowPanel([FieldPanel("title_ky"), FieldPanel("title_ru")]),
        FieldRowPanel([FieldPanel("purpose_ky"), FieldPanel("purpose_ru")]),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("treasury_account"),
        FieldPanel("subdivision"),
        FieldPanel("is_public"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("donor")

    def xlsx_view(self, request, pk):
        grant = get_object_or_404(Grant, pk=pk)
        policy.require(request.user, "grants.view_grant", grant)
        response = HttpResponse(exports.build_statement_xlsx(grant), content_type=XLSX)
        response["Content-Disposition"] = f'attachment; filename="grant-{grant.pk}.xlsx"'
        return response

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("xlsx/<id:pk>/", self.xlsx_view, name="xlsx")]


LineCreateView, LineEditView = saving_views(services.budget_line_save, "line")


class BudgetLineViewSet(PolicySnippetViewSet):
    model = BudgetLine
    icon = "list-ul"
    menu_label = _("Budget lines")
    add_view_class = LineCreateView
    edit_view_class = LineEditView
    list_display = ["grant", "code", "name_ky", "amount"]
    panels = [
        FieldPanel("grant"),
        FieldPanel("code"),
        FieldRowPanel([FieldPanel("name_ky"), FieldPanel("name_ru")]),
        FieldPanel("amount"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("grant")


class TrancheCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.tranche_expect(
            actor=self.request.user,
            grant=instance.grant,
            number=instance.number,
            expected_on=instance.expected_on,
            expected_amount=instance.expected_amount,
        )


class TrancheInspectView(LifecycleInspectMixin, InspectView):
    pass


class TrancheViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Tranche
    icon = "download"
    menu_label = _("Tranches")
    add_view_class = TrancheCreateView
    inspect_view_enabled = True
    inspect_view_class = TrancheInspectView
    lifecycle = TRANCHE_LIFECYCLE
    record_arg = "tranche"
    transition_actions = {"receive": Action(services.tranche_receive, form=ReceiveForm)}
    list_filter = ["status"]
    list_display = ["grant", "number", "expected_on", "expected_amount", "status", "received_on", "received_amount"]
    panels = [FieldPanel("grant"), FieldPanel("number"), FieldPanel("expected_on"), FieldPanel("expected_amount")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("grant")


class ExpenditureCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.expenditure_record(
            actor=self.request.user,
            grant=instance.line.grant,
            line=instance.line,
            tranche=instance.tranche,
            date=instance.date,
            amount=instance.amount,
            currency=instance.currency,
            rate=instance.rate,
            rate_date=instance.rate_date,
            description=instance.description,
        )


class ExpenditureViewSet(PolicySnippetViewSet):
    model = Expenditure
    icon = "upload"
    menu_label = _("Expenditures")
    add_view_class = ExpenditureCreateView
    list_display = ["grant", "date", "line", "amount", "currency", "amount_in_grant_currency", "description"]
    list_filter = ["currency"]
    panels = [
        FieldRowPanel([FieldPanel("line"), FieldPanel("tranche")]),
        FieldPanel("date"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("currency")]),
        FieldRowPanel([FieldPanel("rate"), FieldPanel("rate_date")]),
        FieldPanel("description"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("grant", "line")


class ReportCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.report_schedule(
            actor=self.request.user,
            grant=instance.grant,
            title_ky=instance.title_ky,
            title_ru=instance.title_ru,
            due_on=instance.due_on,
        )


class ReportEditView(SavedThroughService, EditView):
    """The report as submitted: its file."""

    def save_through(self, instance):
        return services.report_submit(actor=self.request.user, report=instance, file=instance.file)


class GrantReportViewSet(PolicySnippetViewSet):
    model = GrantReport
    icon = "doc-full"
    menu_label = _("Reports to donors")
    add_view_class = ReportCreateView
    edit_view_class = ReportEditView
    list_display = ["grant", "title_ky", "due_on", "submitted_on"]
    panels = [
        FieldPanel("grant"),
        FieldRowPanel([FieldPanel("title_ky"), FieldPanel("title_ru")]),
        FieldPanel("due_on"),
        FieldPanel("file"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("grant")


class GrantsGroup(SnippetViewSetGroup):
    menu_label = _("Grants")
    menu_icon = "pick"
    menu_order = 335
    items = (GrantViewSet, DonorViewSet, BudgetLineViewSet, TrancheViewSet, ExpenditureViewSet, GrantReportViewSet)
