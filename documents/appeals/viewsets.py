"""The records office's list of appeals, overdue ones first and marked, and each appeal's card."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, Q, When
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton

from documents.appeals import selectors, services
from documents.appeals.enums import OPEN
from documents.appeals.forms import ProcessForm
from documents.appeals.models import Appeal
from documents.correspondence.enums import IN_PREPARATION
from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet


class AppealProcessView(WagtailAdminTemplateMixin, FormView):
    """Extend or forward one appeal, record its points, or leave an anonymous one unconsidered: a
    form that calls the service of the chosen step. The answer is an outgoing document of the
    correspondence (drafted from the card, approved, then registered), never typed in here."""

    template_name = "appeals/admin/process.html"
    form_class = ProcessForm
    page_title = _("Process the appeal")
    header_icon = "mail"

    def dispatch(self, request, pk):
        visible = policy.visible(request.user, "appeals.view_appeal", Appeal.objects.select_related("rule"))
        self.appeal = get_object_or_404(visible, pk=pk)
        policy.require(request.user, "appeals.process_appeal", self.appeal)
        return super().dispatch(request, pk=pk)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "appeal": self.appeal}

    def get_context_data(self, **kwargs):
        return super().get_context_data(appeal=self.appeal, points=list(self.appeal.points.all()), **kwargs)

    def _point(self, data, actor):
        if data["point"] is not None:
            return services.appeal_point_edit(point=data["point"], actor=actor, text=data["point_text"])
        return services.appeal_point_add(appeal=self.appeal, actor=actor, text=data["point_text"])

    def form_valid(self, form):
        data, actor = form.cleaned_data, self.request.user
        steps = {
            "extend": lambda: services.appeal_extend(
                appeal=self.appeal, actor=actor, until=data["until"] or self.appeal.due, reason=data["reason"]
            ),
            "forward": lambda: services.appeal_forward(appeal=self.appeal, actor=actor, to=data["to"]),
            "point": lambda: self._point(data, actor),
            "unconsidered": lambda: services.appeal_leave_unconsidered(
                appeal=self.appeal, actor=actor, reason=data.get("unconsidered_reason", "")
            ),
        }
        try:
            steps[data["action"]]()
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        if data["action"] == "point":
            messages.success(self.request, _("The point is recorded."))
            return redirect("wagtailsnippets_appeals_appeal:process", self.appeal.pk)
        messages.success(self.request, _("Saved; the sender sees it on the status page."))
        return redirect("wagtailsnippets_appeals_appeal:inspect", self.appeal.pk)


class AppealInspectView(InspectView):
    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        if self.object.status in OPEN and policy.can(self.request.user, "appeals.process_appeal", self.object):
            url = reverse("wagtailsnippets_appeals_appeal:process", args=(self.object.pk,))
            buttons.append(HeaderButton(_("Process the appeal"), url=url, icon_name="edit"))
            # The answer is an outgoing document of the correspondence.
            answers = "wagtailsnippets_correspondence_correspondence"
            current = self.object.answers.filter(status__in=IN_PREPARATION).order_by("-pk").first()
            if current is None:
                url = reverse(f"{answers}:answer", args=(self.object.pk,))
                buttons.append(HeaderButton(_("Draft the answer"), url=url, icon_name="doc-full"))
            else:
                url = reverse(f"{answers}:inspect", args=(current.pk,))
                buttons.append(HeaderButton(_("Open the answer in preparation"), url=url, icon_name="doc-full"))
        return buttons


class AppealViewSet(PolicySnippetViewSet):
    model = Appeal
    icon = "mail"
    menu_label = _("Appeals")
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "number",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        Column("name", label=_("name"), accessor="signed_by"),
        "registered_on",
        Column("due", label=_("answer due")),
        Column("status", label=_("status"), accessor="get_status_display"),
        BooleanColumn("overdue", label=_("overdue")),
    ]
    list_per_page = 50
    inspect_view_enabled = True
    inspect_view_class = AppealInspectView
    search_fields = ["number", "name", "organisation", "text"]

    def get_queryset(self, request):
        today = timezone.localdate()
        overdue_first = Case(
            When(Q(status__in=OPEN) & selectors.overdue_on(today), then=0),
            default=1,
            output_field=IntegerField(),
        )
        visible = policy.visible(request.user, "appeals.view_appeal", Appeal.objects.all())
        return visible.select_related("rule").order_by(overdue_first, "deadline", "pk")

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("process/<int:pk>/", AppealProcessView.as_view(), name="process")]
