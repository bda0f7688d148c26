from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from documents.lifecycle_admin import (
    Action,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    SavedThroughService,
    error_messages,
)
from governance.access import policy
from governance.access.admin import EditView, InspectView, PolicySnippetViewSet
from governance.access.params import MAX_ID, QueryParams
from governance.access.people import person_label, with_posts
from governance.staff import docx, exports, selectors, services
from governance.staff.enums import ACTION_LIFECYCLE, STAFFING_LIFECYCLE, ActionStatus
from governance.staff.forms import (
    DateForm,
    DelegationForm,
    EligibilityForm,
    ExternalActForm,
    ProposeForm,
    RankConferralForm,
    StaffingRowChangeForm,
    StaffingRowForm,
)
from governance.staff.models import (
    Delegation,
    Employee,
    EmployeeView,
    PersonnelAction,
    RankConferral,
    RankPeriod,
    StaffingRow,
    StaffingTable,
    WageLimit,
)
from governance.staff.permissions import vacancy_subdivisions

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class DelegationCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.delegation_create(
            actor=self.request.user,
            delegate=instance.delegate,
            date_from=instance.date_from,
            date_to=instance.date_to,
            basis=instance.basis,
            basis_order=instance.basis_order,
        )


class DelegationViewSet(PolicySnippetViewSet):
    model = Delegation
    icon = "user"
    menu_label = _("Delegations")
    menu_order = 320
    add_to_admin_menu = True
    add_view_class = DelegationCreateView
    inspect_view_enabled = True
    list_display = [
        Column("delegate", label=_("delegate"), accessor=lambda delegation: person_label(delegation.delegate)),
        "date_from",
        "date_to",
        "basis",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("delegate"),
            FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
            FieldPanel("basis_order"),
            FieldPanel("basis"),
        ],
        base_form_class=DelegationForm,
    )

    def get_queryset(self, request):
        return Delegation.objects.prefetch_related(
            Prefetch("delegate", queryset=with_posts(get_user_model().objects.all()))
        )


# The staffing table.


class StaffingTableCreateView(SavedThroughService, CreateView):
    """A new draft starts from the rows of the version in force on its date."""

    def save_through(self, instance):
        return services.staffing_table_create(
            actor=self.request.user,
            title=instance.title,
            effective_from=instance.effective_from,
            based_on=selectors.staffing_in_force(instance.effective_from),
        )


class StaffingTableEditView(SavedThroughService, EditView):
    def save_through(self, instance):
        return services.staffing_table_save(actor=self.request.user, table=instance)


def compared_version(request, table):
    """The version ``table`` is compared with: ``?compare=<id>`` if the user may read it, by default
    the approved version in force before its date."""
    versions = policy.visible(request.user, "staff.view_staffingtable", StaffingTable.objects.all())
    compare = QueryParams(request.GET).integer("compare", minimum=1, maximum=MAX_ID)
    if compare is not None and (other := versions.filter(pk=compare).exclude(pk=table.pk).first()) is not None:
        return other
    earlier = versions.approved().exclude(pk=table.pk).filter(effective_from__lte=table.effective_from)
    return earlier.order_by("-effective_from").first()


class StaffingTableInspectView(LifecycleInspectMixin, InspectView):
    template_name = "staff/admin/staffing_inspect.html"

    def comparison(self):
        other = compared_version(self.request, self.object)
        return {"other": other, "changes": selectors.staffing_compare(other, self.object)} if other else None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        units, monthly = selectors.staffing_totals(self.object)
        comparison = self.comparison()
        # the files carry the comparison shown here
        query = f"?compare={comparison['other'].pk}" if comparison else "?"
        context.update(
            rows=self.object.rows.select_related("subdivision", "position"),
            total_units=units,
            total_monthly=monthly,
            limit_errors=services.staffing_limit_errors(self.object) if self.object.status != "approved" else [],
            comparison=comparison,
            rows_url=reverse("wagtailsnippets_staff_staffingtable:rows", args=(self.object.pk,)),
            may_change_rows=policy.can(self.request.user, "staff.change_staffingtable", self.object),
            docx_url=reverse("wagtailsnippets_staff_staffingtable:docx", args=(self.object.pk,)) + query,
            xlsx_url=reverse("wagtailsnippets_staff_staffingtable:xlsx", args=(self.object.pk,)) + query,
        )
        return context


class StaffingTableViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = StaffingTable
    icon = "table"
    menu_label = _("Staffing tables")
    add_view_class = StaffingTableCreateView
    edit_view_class = StaffingTableEditView
    inspect_view_enabled = True
    inspect_view_class = StaffingTableInspectView
    lifecycle = STAFFING_LIFECYCLE
    record_arg = "table"
    transition_actions = {"propose": Action(services.staffing_table_propose, form=ProposeForm)}
    list_display = ["title", "effective_from", "status", "order"]
    list_filter = ["status"]
    panels = [FieldPanel("title"), FieldPanel("effective_from")]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("order")

    def _vacancy_date(self, request):
        """The chosen date's form and the day shown (today when none or none valid)."""
        policy.require(request.user, "staff.view_vacancies")
        form = DateForm(request.GET or None)
        return form, (form.cleaned_data["date"] if form.is_valid() else None) or timezone.localdate()

    @staticmethod
    def _vacancies(request, day):
        # a head sees the posts of the subtree they head, narrowed in the database; the files too
        return selectors.vacancies_on(day, subdivisions=vacancy_subdivisions(request.user))

    def vacancies_view(self, request, status=200):
        form, day = self._vacancy_date(request)
        vacancies = self._vacancies(request, day)
        query = urlencode({"date": day.isoformat()})
        return TemplateResponse(
            request,
            "staff/admin/vacancies.html",
            {
                "page_title": _("Vacancies"),
                "header_icon": "table",
                "form": form,
                "day": day,
                "vacancies": vacancies,
                "total_units": sum(v.units for v in vacancies),
                "total_occupied": sum(v.occupied for v in vacancies),
                "total_vacant": sum(v.vacant for v in vacancies),
                "docx_url": f"{reverse('wagtailsnippets_staff_staffingtable:vacancies_docx')}?{query}",
                "xlsx_url": f"{reverse('wagtailsnippets_staff_staffingtable:vacancies_xlsx')}?{query}",
            },
            status=status,
        )

    def vacancies_export_view(self, request, kind):
        form, day = self._vacancy_date(request)
        if form.is_bound and not form.is_valid():
            return self.vacancies_view(request, status=400)  # the page with the form's message, no file
        vacancies = self._vacancies(request, day)
        language = "ru" if (get_language() or "").startswith("ru") else "ky"
        if kind == "xlsx":
            content, mime = exports.build_vacancies_xlsx(vacancies, day, language=language), XLSX
        else:
            content, mime = exports.build_vacancies_docx(vacancies, day, language=language), DOCX
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = f'attachment; filename="vacancies-{day:%Y-%m-%d}.{kind}"'
        return response

    def export_view(self, request, pk, kind):
        table = get_object_or_404(StaffingTable, pk=pk)
        policy.require(request.user, "staff.view_staffingtable", table)
        # the same comparison as the version's screen, inside the file
        data = exports.staffing_document_data(table, compare_with=compared_version(request, table))
        if kind == "xlsx":
            content, mime = exports.build_staffing_xlsx(data), XLSX
        else:
            language = "ru" if request.GET.get("language") == "ru" else "ky"
            content = exports.build_staffing_docx(data, language=language)
            mime = DOCX
        response = HttpResponse(content, content_type=mime)
        response["Content-Disposition"] = f'attachment; filename="staffing-{table.pk}.{kind}"'
        return response

    # A draft's rows, one at a time: add, change, remove, with the running totals against the limits.

    @staticmethod
    def _readable_table(request, pk):
        table = get_object_or_404(StaffingTable, pk=pk)
        policy.require(request.user, "staff.view_staffingtable", table)
        return table

    @staticmethod
    def _rows_context(request, table, form):
        rows = list(table.rows.select_related("subdivision", "position"))
        against = selectors.staffing_against_limits(table)
        adding = {row.pk for row in services.staffing_rows_adding(table)} if against.over else set()
        running, units, monthly = [], 0, 0
        for row in rows:
            units += row.units
            monthly += row.units * row.monthly_salary
            over = against.limit is not None and (
                units > against.limit.staff_limit or monthly * 12 > against.limit.wage_fund
            )
            running.append((row, row.units * row.monthly_salary, units, monthly * 12, over, row.pk in adding))
        may_change = policy.can(request.user, "staff.change_staffingtable", table)
        return {
            "page_title": _("Rows of “%(table)s”") % {"table": table},
            "header_icon": "table",
            "table": table,
            "rows": running,
            "against": against,
            "limit_errors": services.staffing_limit_errors(table),
            "may_change": may_change,
            "form": form if may_change else None,
            "inspect_url": reverse("wagtailsnippets_staff_staffingtable:inspect", args=(table.pk,)),
        }

    def rows_view(self, request, pk):
        """The rows of a version; for HR and a draft, the form that adds one (POST)."""
        table = self._readable_table(request, pk)
        form = StaffingRowForm(request.POST if request.method == "POST" else None, table=table)
        status = 200
        if request.method == "POST":
            policy.require(request.user, "staff.change_staffingtable")
            if form.is_valid():
                data = form.cleaned_data
                try:
                    services.staffing_row_add(
                        actor=request.user,
                        table=table,
                        subdivision=data["subdivision"],
                        position=data["position"],
                        units=data["units"],
                        monthly_salary=data["monthly_salary"],
                    )
                except ValidationError as error:
                    self._form_errors(request, form, error)
                else:
                    messages.success(request, _("The row is added."))
                    return redirect("wagtailsnippets_staff_staffingtable:rows", table.pk)
            status = 400
        return TemplateResponse(
            request, "staff/admin/staffing_rows.html", self._rows_context(request, table, form), status=status
        )

    @staticmethod
    def _form_errors(request, form, error):
        """A field's error next to the field; the rest (a frozen version) as a message on the page."""
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            for message in error_messages(error):
                messages.error(request, message)

    def _row_step(self, request, pk, row_pk, step):
        table = self._readable_table(request, pk)
        policy.require(request.user, "staff.change_staffingtable")
        row = get_object_or_404(StaffingRow, pk=row_pk, table=table)
        try:
            if step == "remove":
                services.staffing_row_remove(actor=request.user, row=row)
                messages.success(request, _("The row is removed."))
            else:
                form = StaffingRowChangeForm(request.POST)
                if not form.is_valid():
                    raise ValidationError([e for errors in form.errors.values() for e in errors])
                services.staffing_row_change(
                    actor=request.user,
                    row=row,
                    units=form.cleaned_data["units"],
                    monthly_salary=form.cleaned_data["monthly_salary"],
                )
                messages.success(request, _("The row is changed."))
        except ValidationError as error:
            for message in error_messages(error):
                messages.error(request, message)
        return redirect("wagtailsnippets_staff_staffingtable:rows", table.pk)

    def row_change_view(self, request, pk, row):
        return self._row_step(request, pk, row, "change")

    def row_remove_view(self, request, pk, row):
        return self._row_step(request, pk, row, "remove")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("rows/<id:pk>/", self.rows_view, name="rows"),
            path("rows/<id:pk>/change/<id:row>/", require_POST(self.row_change_view), name="row_change"),
            path("rows/<id:pk>/remove/<id:row>/", require_POST(self.row_remove_view), name="row_remove"),
            path("vacancies/", self.vacancies_view, name="vacancies"),
            path("vacancies/docx/", self.vacancies_export_view, {"kind": "docx"}, name="vacancies_docx"),
            path("vacancies/xlsx/", self.vacancies_export_view, {"kind": "xlsx"}, name="vacancies_xlsx"),
            path("docx/<id:pk>/", self.export_view, {"kind": "docx"}, name="docx"),
            path("xlsx/<id:pk>/", self.export_view, {"kind": "xlsx"}, name="xlsx"),
        ]


class WageLimitCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.wage_limit_set(
            actor=self.request.user, year=instance.year, staff_limit=instance.staff_limit, wage_fund=instance.wage_fund
        )


class WageLimitViewSet(PolicySnippetViewSet):
    model = WageLimit
    icon = "date"
    menu_label = _("Yearly limits")
    add_view_class = WageLimitCreateView
    list_display = ["year", "staff_limit", "wage_fund"]
    panels = [FieldPanel("year"), FieldPanel("staff_limit"), FieldPanel("wage_fund")]


# People: personal data, every reading by someone else than the owner logged.


class EmployeeCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.employee_create(
            actor=self.request.user,
            full_name_ky=instance.full_name_ky,
            full_name_ru=instance.full_name_ru,
            personnel_number=instance.personnel_number,
            phone=instance.phone,
            email=instance.email,
            user=instance.user,
        )


class EmployeeEditView(SavedThroughService, EditView):
    def get_object(self, queryset=None):
        employee = super().get_object(queryset)
        if self.request.method == "GET":
            services.employee_record_viewed(actor=self.request.user, employee=employee)
        return employee

    def save_through(self, instance):
        return services.employee_save(actor=self.request.user, employee=instance)


class EmployeeInspectView(InspectView):
    template_name = "staff/admin/employee_inspect.html"

    def get_object(self, queryset=None):
        employee = super().get_object(queryset)
        services.employee_record_viewed(actor=self.request.user, employee=employee)
        return employee

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["posts"] = selectors.post_history(self.object)
        # Modules above staff add their part of the record (awards, say) through this hook: each
        # function takes the request and the employee and returns HTML, or "" when the reader may not see it.
        context["record_parts"] = [
            part
            for part in (hook(self.request, self.object) for hook in hooks.get_hooks("employee_record_parts"))
            if part
        ]
        return context


class EmployeeViewSet(PolicySnippetViewSet):
    model = Employee
    icon = "user"
    menu_label = _("Employees")
    add_view_class = EmployeeCreateView
    edit_view_class = EmployeeEditView
    inspect_view_enabled = True
    inspect_view_class = EmployeeInspectView
    inspect_view_fields = ["full_name_ky", "full_name_ru", "personnel_number", "phone", "email"]
    list_display = ["full_name_ky", "full_name_ru", "personnel_number"]
    search_fields = ["full_name_ky", "full_name_ru", "personnel_number"]
    panels = [
        FieldRowPanel([FieldPanel("full_name_ky"), FieldPanel("full_name_ru")]),
        FieldPanel("personnel_number"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
        FieldPanel("user"),
    ]


class PersonnelActionCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.personnel_action_propose(
            actor=self.request.user,
            employee=instance.employee,
            kind=instance.kind,
            date=instance.date,
            subdivision=instance.subdivision,
            position=instance.position,
            grounds_ky=instance.grounds_ky,
            grounds_ru=instance.grounds_ru,
        )


class PersonnelActionInspectView(LifecycleInspectMixin, InspectView):
    """An action with its basis; a pending one on a nomenclature post offers the chairman's proposal
    to the Prime Minister (.docx) and HR's button to record the act that made it."""

    template_name = "staff/admin/action_inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        action = self.object
        offered = (
            action.status == ActionStatus.PROPOSAL
            and policy.can(self.request.user, "staff.nomenclature_proposal", action)
            and action.nomenclature_post() is not None
        )
        context.update(
            basis=action.basis(),
            proposal_url=reverse("wagtailsnippets_staff_personnelaction:proposal", args=(action.pk,))
            if offered
            else None,
        )
        return context


class PersonnelActionViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = PersonnelAction
    icon = "doc-full"
    menu_label = _("Personnel actions")
    add_view_class = PersonnelActionCreateView
    inspect_view_class = PersonnelActionInspectView
    lifecycle = ACTION_LIFECYCLE
    record_arg = "action"
    transition_actions = {
        "record_external": Action(services.personnel_action_record_external, form=ExternalActForm),
    }
    panels = [
        FieldPanel("employee"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("subdivision"), FieldPanel("position")]),
        FieldRowPanel([FieldPanel("grounds_ky"), FieldPanel("grounds_ru")]),
    ]
    inspect_view_enabled = True
    inspect_view_fields = ["employee", "kind", "date", "subdivision", "position", "grounds_ky", "grounds_ru", "status"]
    list_display = ["employee", "kind", "date", "subdivision", "position", "status", "order"]
    list_filter = ["kind", "status"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("employee", "subdivision", "position", "order")

    def proposal_view(self, request, pk):
        """The chairman's proposal to the Prime Minister for one action, in Kyrgyz or (``?language=ru``) Russian."""
        action = get_object_or_404(PersonnelAction, pk=pk)
        policy.require(request.user, "staff.nomenclature_proposal", action)
        language = "ru" if request.GET.get("language") == "ru" else "ky"
        try:
            content = docx.nomenclature_proposal_docx([action], language=language)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.get_url_name("inspect"), pk)
        response = HttpResponse(content, content_type=DOCX)
        response["Content-Disposition"] = f'attachment; filename="proposal-{action.pk}-{language}.docx"'
        return response

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("proposal/<id:pk>/", self.proposal_view, name="proposal")]


class EmployeeViewViewSet(PolicySnippetViewSet):
    model = EmployeeView
    icon = "view"
    menu_label = _("Views of personnel records")
    list_display = ["employee", "viewer", "viewed_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("employee", "viewer")


# Class ranks.


class RankConferralCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.rank_confer(
            actor=self.request.user,
            employee=instance.employee,
            rank=instance.rank,
            date=instance.date,
            basis_order=instance.basis_order,
            basis_act=instance.basis_act,
        )


class RankConferralViewSet(PolicySnippetViewSet):
    model = RankConferral
    icon = "pick"
    menu_label = _("Class ranks")
    add_view_class = RankConferralCreateView
    inspect_view_enabled = True
    list_display = ["employee", "rank", "date", "basis_order", "basis_act"]
    list_filter = ["rank"]
    edit_handler = ObjectList(
        [
            FieldPanel("employee"),
            FieldRowPanel([FieldPanel("rank"), FieldPanel("date")]),
            FieldPanel("basis_order"),
            FieldPanel("basis_act"),
        ],
        base_form_class=RankConferralForm,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("employee", "basis_order")

    def eligibility_view(self, request):
        """Who may receive the next class rank, and from which day, under the agency's periods."""
        policy.require(request.user, "staff.view_rankconferral")
        form = EligibilityForm(request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        day = data.get("date") or timezone.localdate()
        rows = selectors.rank_eligibility(day, rank=data.get("rank") or None, due_by=data.get("due_by"))
        return TemplateResponse(
            request,
            "staff/admin/rank_eligibility.html",
            {
                "page_title": _("Eligibility for the next class rank"),
                "header_icon": "pick",
                "form": form,
                "day": day,
                "rows": rows,
            },
        )

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("eligibility/", self.eligibility_view, name="eligibility")]


class RankPeriodCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.rank_period_set(actor=self.request.user, rank=instance.rank, years=instance.years)


class RankPeriodEditView(SavedThroughService, EditView):
    def save_through(self, instance):
        return services.rank_period_set(actor=self.request.user, rank=instance.rank, years=instance.years)


class RankPeriodViewSet(PolicySnippetViewSet):
    model = RankPeriod
    icon = "time"
    menu_label = _("Periods in class ranks")
    add_view_class = RankPeriodCreateView
    edit_view_class = RankPeriodEditView
    list_display = ["rank", "years"]
    panels = [FieldPanel("rank"), FieldPanel("years")]


class StaffGroup(SnippetViewSetGroup):
    menu_label = _("Staff")
    menu_icon = "group"
    menu_order = 310
    items = (
        StaffingTableViewSet,
        WageLimitViewSet,
        EmployeeViewSet,
        PersonnelActionViewSet,
        RankConferralViewSet,
        RankPeriodViewSet,
        EmployeeViewViewSet,
    )
