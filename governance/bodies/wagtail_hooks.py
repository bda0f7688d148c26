from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from governance.bodies.enums import DECISION_LIFECYCLE, RECOMMENDATION_LIFECYCLE
from governance.bodies.viewsets import BodiesGroup, RecommendationViewSet

register_snippet(RecommendationViewSet)
register_snippet(BodiesGroup)

ACTIONS = {
    "bodies.member_join": _("Member joined"),
    "bodies.member_leave": _("Member left"),
    "bodies.item_add": _("Agenda item added"),
    "bodies.material_add": _("Material added"),
    "bodies.agenda_send": _("Agenda sent"),
    "bodies.invitee_add": _("Invitee added"),
    "bodies.cancel": _("Meeting cancelled"),
    "bodies.attendance": _("Attendance registered"),
    "bodies.declare": _("Conflict of interest declared"),
    "bodies.poll_open": _("Vote opened"),
    "bodies.vote": _("Vote cast"),
    "bodies.poll_close": _("Vote closed"),
    "bodies.decision_draft": _("Decision drafted"),
    "bodies.minutes_draft": _("Minutes drafted"),
    "bodies.minutes_sign": _("Minutes signed"),
    "bodies.minutes_remark": _("Remark on the minutes"),
}


@hooks.register("register_log_actions")
def register_body_actions(actions):
    for action, label in ACTIONS.items():
        actions.register_action(action, label, label)
    DECISION_LIFECYCLE.register_log_actions(actions)
    RECOMMENDATION_LIFECYCLE.register_log_actions(actions)
