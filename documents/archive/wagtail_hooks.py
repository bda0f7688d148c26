from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from documents.archive.enums import LIFECYCLE
from documents.archive.viewsets import ArchiveGroup

ACTIONS = {
    "archive.file_record": (_("File a record"), _("Record filed")),
    "archive.hold_place": (_("Place a legal hold"), _("Legal hold placed")),
    "archive.hold_lift": (_("Lift the legal hold"), _("Legal hold lifted")),
    "archive.destruction_propose": (_("Propose destruction"), _("Destruction proposed")),
}


@hooks.register("register_log_actions")
def register_archive_actions(actions):
    LIFECYCLE.register_log_actions(actions)
    for action, (label, message) in ACTIONS.items():
        actions.register_action(action, label, message)


register_snippet(ArchiveGroup)
