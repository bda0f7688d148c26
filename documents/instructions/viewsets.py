"""Instructions in the Wagtail admin: the list narrowed by the policy with its filters, the create
form, the inspect page with reports, extensions, sub-instructions and the buttons of the actions
the user may take, the discipline report, the working calendar and the dashboard panel."""

import datetime

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import CreateView, HistoryView, InspectView, SnippetViewSet, SnippetViewSetGroup

from documents.instructions import selectors, services
from documents.instructions.enums import InstructionStatus
from documents.instructions.forms import InstructionForm
from documents.instructions.models import Instruction
from documents.models import CalendarException
from governance.access import policy

SHOW = (
    ("mine", _("mine")),
    ("control", _("on my control")),
    ("overdue", _("overdue")),
    ("week", _("due this week")),
)


class InstructionFilterSet(WagtailFilterSet):
    show = django_filters.ChoiceFilter(label=_("show"), choices=SHOW, method="filter_show", empty_label=_("all"))
    status = django_filters.ChoiceFilter(label=_("status"), choices=InstructionStatus.choices)

    class Meta:
        model = Instruction
        fields = ["show", "status", "subdivision"]

    def filter_show(self, queryset, name, value):
        user, today = self.request.user, timezone.localdate()
        if value == "mine":
            return selectors.mine(user, queryset)
        if value == "control":
            return selectors.on_control(user, queryset)
        if value == "overdue":
            return selectors.overdue(today, queryset)
        if value == "week":
            return selectors.due_this_week(today, queryset)
        return queryset


class InstructionCreateView(CreateView):
    """The form saves through instruction_create; its refusal becomes a form error."""

    @cached_property
    def parent(self) -> Instruction | None:
        raw = self.request.POST.get("parent") or self.request.GET.get("parent") or ""
        return Instruction.objects.filter(pk=int(raw)).first() if raw.isdigit() else None

    def user_has_permission(self, permission):
        """A sub-instruction may be given by the parent's executor, who may issue no other."""
        if permission == "add" and self.parent is not None:
            return policy.can(self.request.user, "documents.add_instruction", self.parent)
        return super().user_has_permission(permission)

    def get_add_url(self):
        url = super().get_add_url()
        return f"{url}{'&' if '?' in url else '?'}parent={self.parent.pk}" if self.parent else url

    def get_initial(self):
        return {**super().get_initial(), "parent": self.parent}

    def save_instance(self):
        return services.instruction_create(actor=self.request.user, **self.form.service_arguments())

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)


class InstructionInspectView(InspectView):
    template_name = "documents/instructions/admin/inspect.html"

    def get_object(self, queryset=None):
        instruction = get_object_or_404(selectors.with_details(Instruction.objects.all()), pk=self.pk)
        policy.require(self.request.user, "documents.view_instruction", instruction)
        return instruction

    def get_edit_url(self):
        return None  # an instruction changes only through its actions

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instruction = self.object
        context.update(
            actions=selectors.available_actions(self.request.user, instruction),
            overdue=instruction.is_overdue(timezone.localdate()),
            transition_url_name="wagtailsnippets_documents_instruction:transition",
            history_url=reverse("wagtailsnippets_documents_instruction:history", args=(instruction.pk,)),
            add_child_url=(
                reverse("wagtailsnippets_documents_instruction:add") + f"?parent={instruction.pk}"
                if instruction.is_open and policy.can(self.request.user, "documents.add_instruction", instruction)
                else None
            ),
        )
        return context


class InstructionHistoryView(HistoryView):
    """Whoever may read the instruction reads its history."""

    any_permission_required = ["add", "change", "view"]

    def get_object(self):
        instruction = super().get_object()
        policy.require(self.request.user, "documents.view_instruction", instruction)
        return instruction


def _date(raw: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise ValidationError(_("Give a date.")) from None


class TransitionView(View):
    """A button of the inspect page: one service call, its refusal shown as a message."""

    TEXT = {"report": services.instruction_report, "contribute": services.instruction_contribute}
    COMMENT = {
        "accept": services.instruction_accept,
        "return": services.instruction_return,
        "grant": services.instruction_grant,
        "refuse": services.instruction_refuse,
        "close": services.instruction_close,
        "cancel": services.instruction_cancel,
    }

    def post(self, request, pk, action):
        instruction = get_object_or_404(Instruction, pk=pk)
        try:
            self.call(action, instruction, request.user, request.POST)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
        else:
            messages.success(request, _("Done."))
        return redirect("wagtailsnippets_documents_instruction:inspect", pk)

    def call(self, action, instruction, user, data):
        if action in self.TEXT:
            return self.TEXT[action](instruction=instruction, actor=user, text=data.get("text", ""))
        if action in self.COMMENT:
            return self.COMMENT[action](instruction=instruction, actor=user, comment=data.get("comment", ""))
        if action == "request_extension":
            return services.instruction_request_extension(
                instruction=instruction,
                actor=user,
                deadline=_date(data.get("deadline", "")),
                reason=data.get("reason", ""),
            )
        raise Http404


class DisciplineReportView(WagtailAdminTemplateMixin, TemplateView):
    """Per subdivision of the executor: instructions due in a period, done on time, late, overdue."""

    template_name = "documents/instructions/admin/discipline.html"
    page_title = _("Execution discipline")
    header_icon = "table"

    def dispatch(self, request, *args, **kwargs):
        policy.require(request.user, "documents.view_discipline_report")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        today = timezone.localdate()
        first, last = today.replace(month=1, day=1), today
        try:
            first = (
                datetime.date.fromisoformat(self.request.GET.get("first", ""))
                if self.request.GET.get("first")
                else first
            )
            last = (
                datetime.date.fromisoformat(self.request.GET.get("last", "")) if self.request.GET.get("last") else last
            )
        except ValueError:
            messages.error(self.request, _("Give the dates as YYYY-MM-DD."))
        return super().get_context_data(
            rows=selectors.discipline(day=today, first=first, last=last), first=first, last=last, **kwargs
        )


class InstructionViewSet(SnippetViewSet):
    model = Instruction
    icon = "tasks"
    menu_label = _("Instructions")
    list_display = [
        "__str__",
        Column("executor", label=_("responsible executor")),
        Column("controller", label=_("controller")),
        Column("deadline", label=_("deadline")),
        Column("status", label=_("status"), accessor="get_status_display"),
    ]
    list_per_page = 50
    filterset_class = InstructionFilterSet
    inspect_view_enabled = True
    inspect_view_class = InstructionInspectView
    history_view_class = InstructionHistoryView
    add_view_class = InstructionCreateView
    copy_view_enabled = False
    ordering = ["deadline", "pk"]
    search_fields = ["title", "text"]

    edit_handler = ObjectList(
        [
            FieldPanel("parent"),
            FieldPanel("title"),
            FieldPanel("text"),
            FieldRowPanel([FieldPanel("executor"), FieldPanel("controller")]),
            FieldPanel("co_executors"),
            FieldPanel("subdivision"),
            FieldRowPanel([FieldPanel("deadline"), FieldPanel("days"), FieldPanel("working_days")]),
        ],
        base_form_class=InstructionForm,
    )

    def get_queryset(self, request):
        return selectors.for_list(selectors.visible(request.user))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("transition/<int:pk>/<slug:action>/", TransitionView.as_view(), name="transition"),
            path("discipline/", DisciplineReportView.as_view(), name="discipline"),
        ]


class CalendarExceptionViewSet(SnippetViewSet):
    model = CalendarException
    icon = "date"
    menu_label = _("Working calendar")
    list_display = ["date", Column("is_working", label=_("working day")), "basis"]


class InstructionsGroup(SnippetViewSetGroup):
    items = (InstructionViewSet, CalendarExceptionViewSet)
    menu_icon = "tasks"
    menu_label = _("Instructions")
    menu_order = 320
    submenu_hook = "register_instructions_menu_item"


class MyInstructionsPanel(Component):
    """The dashboard: my open instructions, the overdue first."""

    name = "instructions_due"
    template_name = "documents/instructions/admin/my_instructions.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        today = timezone.localdate()
        instructions = list(selectors.for_list(selectors.mine(self.user)).order_by("deadline", "pk")[:20])
        return {"instructions": instructions, "today": today}
