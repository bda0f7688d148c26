from wagtail import hooks
from wagtail.snippets.models import register_snippet

from governance.orders.enums import LIFECYCLE
from governance.orders.permissions import is_signer
from governance.orders.viewsets import AwaitingSignaturePanel, OrdersGroup

register_snippet(OrdersGroup)


@hooks.register("construct_homepage_panels")
def add_awaiting_signature_panel(request, panels):
    if is_signer(request.user):
        panels.append(AwaitingSignaturePanel())


@hooks.register("register_log_actions")
def register_order_actions(actions):
    LIFECYCLE.register_log_actions(actions)
