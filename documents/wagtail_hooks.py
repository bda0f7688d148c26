from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_instruction_actions(actions):
    actions.register_action("documents.instruction_contribute", _("Contribute to the report"), _("Contribution added"))
    actions.register_action("documents.instruction_report", _("Report"), _("Reported"))
    actions.register_action("documents.instruction_accept", _("Accept the report"), _("Report accepted: done"))
    actions.register_action("documents.instruction_return", _("Return the report"), _("Report returned"))
    actions.register_action(
        "documents.instruction_request_extension", _("Ask for an extension"), _("Extension requested")
    )
    actions.register_action("documents.instruction_grant", _("Grant the extension"), _("Extension granted"))
    actions.register_action("documents.instruction_refuse", _("Refuse the extension"), _("Extension refused"))
    actions.register_action("documents.instruction_close", _("Take off control"), _("Taken off control"))
    actions.register_action("documents.instruction_cancel", _("Cancel"), _("Cancelled"))
