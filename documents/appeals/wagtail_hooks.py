from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from documents.appeals.viewsets import AppealViewSet

register_snippet(AppealViewSet)


@hooks.register("register_log_actions")
def register_appeal_actions(actions):
    actions.register_action("appeals.leave_unconsidered", _("Leave unconsidered"), _("Left unconsidered"))
    actions.register_action("appeals.point", _("Record a point"), _("Point of the appeal recorded"))
