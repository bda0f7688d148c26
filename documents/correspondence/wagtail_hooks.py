from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from documents import desk
from documents.correspondence.enums import DRAFT_LIFECYCLE, LIFECYCLE
from documents.correspondence.viewsets import CorrespondenceViewSet, desk_answers_to_approve, desk_drafts_to_approve

register_snippet(CorrespondenceViewSet)
desk.section(desk_drafts_to_approve)
desk.section(desk_answers_to_approve)


@hooks.register("register_log_actions")
def register_correspondence_actions(actions):
    LIFECYCLE.register_log_actions(actions)
    DRAFT_LIFECYCLE.register_log_actions(actions)
    actions.register_action(
        "correspondence.resolution_draft_prepare", _("Prepare a draft resolution"), _("Draft resolution prepared")
    )
    actions.register_action("correspondence.upload", _("Upload a version"), _("A version of the file uploaded"))
    actions.register_action("correspondence.resolve", _("Give a resolution"), _("Resolution given"))
    actions.register_action(
        "correspondence.answer_point", _("Answer a point of the appeal"), _("Point of the appeal answered")
    )
    actions.register_action("correspondence.name_reader", _("Name a reader"), _("Reader named"))
