from wagtail.permissions import register_permission_policy

from governance.access.policy import permission_rule
from governance.access.wagtail import AccessPolicy
from governance.structure.models import Subdivision

for action in ("view", "add", "change", "delete"):
    permission_rule(f"structure.{action}_subdivision")

register_permission_policy(Subdivision, AccessPolicy(Subdivision))
