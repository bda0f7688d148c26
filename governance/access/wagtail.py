"""Wagtail's view of the policy: admin views ask Wagtail's permission policy, which asks ours."""

from wagtail.permission_policies import ModelPermissionPolicy

from governance.access import policy


class AccessPolicy(ModelPermissionPolicy):
    """Map Wagtail's actions (add, change, delete, view…) to policy actions "app.action_model".

    An action that no rule answers is refused.
    """

    def _action(self, action: str) -> str:
        return f"{self.app_label}.{action}_{self.model_name}"

    def user_has_permission(self, user, action):
        name = self._action(action)
        return policy.is_registered(name) and policy.can(user, name)

    def user_has_permission_for_instance(self, user, action, instance):
        name = self._action(action)
        return policy.is_registered(name) and policy.can(user, name, instance)

    def instances_user_has_permission_for(self, user, action):
        name = self._action(action)
        queryset = self.model._default_manager.all()
        return policy.visible(user, name, queryset) if policy.is_registered(name) else queryset.none()
