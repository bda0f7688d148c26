"""The records office's list of appeals, overdue ones first and marked, and each appeal's card."""

from django.db.models import Case, IntegerField, Q, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column

from documents.appeals import selectors
from documents.appeals.enums import OPEN
from documents.appeals.models import Appeal
from governance.access import policy
from governance.access.admin import PolicySnippetViewSet


class AppealViewSet(PolicySnippetViewSet):
    model = Appeal
    icon = "mail"
    menu_label = _("Appeals")
    menu_order = 330
    add_to_admin_menu = True
    list_display = [
        "number",
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "name",
        "registered_on",
        Column("due", label=_("answer due")),
        Column("status", label=_("status"), accessor="get_status_display"),
        BooleanColumn("overdue", label=_("overdue")),
    ]
    list_per_page = 50
    inspect_view_enabled = True
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
