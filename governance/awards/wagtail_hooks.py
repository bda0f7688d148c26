from wagtail import hooks

from governance.awards.enums import LIFECYCLE


@hooks.register("register_log_actions")
def register_award_actions(actions):
    LIFECYCLE.register_log_actions(actions)
