from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from governance.orders.permissions import is_signer
from governance.orders.viewsets import AwaitingSignaturePanel, OrdersGroup

register_snippet(OrdersGroup)


@hooks.register("construct_homepage_panels")
def add_awaiting_signature_panel(request, panels):
    if is_signer(request.user):
        panels.append(AwaitingSignaturePanel())


@hooks.register("register_log_actions")
def register_order_actions(actions):
    actions.register_action("orders.submit", _("Submit for approval"), _("Submitted for approval"))
    actions.register_action("orders.approve", _("Approve"), _("Approved"))
    actions.register_action("orders.reject", _("Reject"), _("Rejected"))
    actions.register_action("orders.sign", _("Sign"), _("Signed and registered"))
    actions.register_action("orders.publish", _("Publish"), _("Published"))
    actions.register_action("orders.suspend", _("Suspend"), _("Suspended"))
    actions.register_action("orders.resume", _("Resume"), _("Resumed"))
    actions.register_action("orders.cancel", _("Cancel"), _("Cancelled"))
    actions.register_action("orders.verify", _("Verify"), _("Digests verified"))
