from wagtail import hooks
from wagtail.snippets.models import register_snippet

from governance.awards.enums import LIFECYCLE
from governance.awards.viewsets import AwardsGroup

register_snippet(AwardsGroup)


@hooks.register("register_log_actions")
def register_award_actions(actions):
    LIFECYCLE.register_log_actions(actions)
