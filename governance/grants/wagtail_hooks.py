from wagtail import hooks
from wagtail.snippets.models import register_snippet

from governance.grants.enums import LIFECYCLE, TRANCHE_LIFECYCLE
from governance.grants.viewsets import GrantsGroup

register_snippet(GrantsGroup)


@hooks.register("register_log_actions")
def register_grant_actions(actions):
    LIFECYCLE.register_log_actions(actions)
    TRANCHE_LIFECYCLE.register_log_actions(actions)
