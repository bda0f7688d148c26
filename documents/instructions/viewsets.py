"""Instructions in the Wagtail admin: the list narrowed by the policy with its filters, the create
form, the inspect page with reports, extensions, sub-instructions and the buttons of the actions
the user may take, the discipline report, the working calendar and the dashboard panel."""

import datetime

import django_filters
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from documents import desk
from documents.instructions import selectors, services
from documents.instructions.enums import LIFECYCLE, InstructionStatus
from documents.instructions.forms import ExtensionForm, InstructionForm, TextForm
from documents.instructions.models import Instruction
from documents.lifecycle_admin import (
    Action,
    CommentForm,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    SavedThroughService,
)
from documents.models import CalendarException
from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet
from governance.access.people import person_label, with_posts

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


class InstructionCreateView(SavedThroughService, CreateView):
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

    def save_through(self, instance):
        return services.instruction_create(actor=self.request.user, **self.form.service_arguments())


class InstructionInspectView(LifecycleInspectMixin, InspectView):
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
            overdue=instruction.is_overdue(timezone.localdate()),
            history_url=reverse("wagtailsnippets_documents_instruction:history", args=(instruction.pk,)),
            add_child_url=(
                reverse("wagtailsnippets_documents_instruction:add") + f"?parent={instruction.pk}"
                if instruction.is_open and policy.can(self.request.user, "documents.add_instruction", instruction)
                else None
            ),
        )
        return context


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


class InstructionViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Instruction
    lifecycle = LIFECYCLE
    record_arg = "instruction"
    transition_actions = {
        "contribute": Action(services.instruction_contribute, form=TextForm),
        "report": Action(services.instruction_report, form=TextForm),
        "accept": Action(services.instruction_accept, form=CommentForm),
        "return": Action(services.instruction_return, form=CommentForm),
        "request_extension": Action(services.instruction_request_extension, form=ExtensionForm),
        "grant": Action(services.instruction_grant, form=CommentForm),
        "refuse": Action(services.instruction_refuse, form=CommentForm),
        "close": Action(services.instruction_close, form=CommentForm),
        "cancel": Action(
            services.instruction_cancel,
            form=CommentForm,
            confirm=_("Cancel “%(record)s”? Its executors are released from it, and this cannot be undone."),
        ),
    }
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
    add_view_class = InstructionCreateView
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
            path("discipline/", DisciplineReportView.as_view(), name="discipline"),
        ]


class CalendarExceptionViewSet(PolicySnippetViewSet):
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


def _desk_section(title, instructions) -> desk.Section | None:
    return desk.records_section(
        title,
        instructions.order_by("deadline", "pk"),
        url=lambda instruction: reverse("wagtailsnippets_documents_instruction:inspect", args=(instruction.pk,)),
        date=lambda instruction: instruction.deadline,
        who=lambda instruction: person_label(instruction.author),
        list_url=f"{reverse('wagtailsnippets_documents_instruction:list')}?show=mine",
        hide_empty=True,
    )


def _with_authors(queryset):
    return queryset.prefetch_related(Prefetch("author", queryset=with_posts(get_user_model().objects.all())))


def desk_my_instructions(user):
    """My open instructions, the nearest deadline first."""
    return _desk_section(_("My instructions due"), _with_authors(selectors.mine(user)))


def desk_reports_to_accept(user):
    """Reports of the instructions on my control that await my decision."""
    reported = selectors.on_control(user).filter(status=InstructionStatus.REPORTED)
    return _desk_section(_("Reports awaiting my decision"), _with_authors(reported))
