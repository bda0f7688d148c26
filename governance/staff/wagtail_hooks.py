from wagtail import hooks
from wagtail.snippets.models import register_snippet

from governance.staff.enums import ACTION_LIFECYCLE, STAFFING_LIFECYCLE
from governance.staff.viewsets import DelegationViewSet, StaffGroup

register_snippet(DelegationViewSet)
register_snippet(StaffGroup)


@hooks.register("register_log_actions")
def register_staff_actions(actions):
    STAFFING_LIFECYCLE.register_log_actions(actions)
    ACTION_LIFECYCLE.register_log_actions(actions)
