from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView

from documents.lifecycle_admin import SavedThroughService
from governance.access.admin import PolicySnippetViewSet
from governance.access.people import person_label, with_posts
from governance.staff import services
from governance.staff.forms import DelegationForm
from governance.staff.models import Delegation


class DelegationCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.delegation_create(
            actor=self.request.user,
            delegate=instance.delegate,
            date_from=instance.date_from,
            date_to=instance.date_to,
            basis=instance.basis,
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
        [FieldPanel("delegate"), FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]), FieldPanel("basis")],
        base_form_class=DelegationForm,
    )

    def get_queryset(self, request):
        return Delegation.objects.prefetch_related(
            Prefetch("delegate", queryset=with_posts(get_user_model().objects.all()))
        )
