from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.snippets.views.snippets import CreateView

from governance.access.admin import PolicySnippetViewSet
from governance.staff import services
from governance.staff.models import Delegation


class DelegationCreateView(CreateView):
    def save_instance(self):
        draft = self.form.save(commit=False)
        return services.delegation_create(
            actor=self.request.user,
            delegate=draft.delegate,
            date_from=draft.date_from,
            date_to=draft.date_to,
            basis=draft.basis,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)


class DelegationViewSet(PolicySnippetViewSet):
    model = Delegation
    icon = "user"
    menu_label = _("Delegations")
    menu_order = 320
    add_to_admin_menu = True
    add_view_class = DelegationCreateView
    inspect_view_enabled = True
    list_display = ["delegate", "date_from", "date_to", "basis"]
    edit_handler = ObjectList(
        [FieldPanel("delegate"), FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]), FieldPanel("basis")]
    )
