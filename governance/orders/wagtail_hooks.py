from wagtail import hooks
from wagtail.snippets.models import register_snippet

from documents import desk
from governance.orders import viewsets
from governance.orders.enums import LIFECYCLE

register_snippet(viewsets.OrdersGroup)

for section in (viewsets.desk_to_approve, viewsets.desk_returned, viewsets.desk_to_sign, viewsets.desk_to_publish):
    desk.section(section)


@hooks.register("register_log_actions")
def register_order_actions(actions):
    LIFECYCLE.register_log_actions(actions)
