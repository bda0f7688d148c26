from wagtail import hooks
from wagtail.snippets.models import register_snippet

from documents import desk
from governance.agreements.enums import LIFECYCLE
from governance.agreements.viewsets import AgreementsGroup, desk_agreement_deadlines

register_snippet(AgreementsGroup)
desk.section(desk_agreement_deadlines)


@hooks.register("register_log_actions")
def register_agreement_actions(actions):
    LIFECYCLE.register_log_actions(actions)
