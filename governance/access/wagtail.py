"""Wagtail's view of the policy: admin views ask Wagtail's permission policy, which asks ours."""

from django.db.models import Q, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from governance.access import policy

# Actions that may be held on single objects: whoever holds one on any row reaches the list.
OBJECT_ACTIONS = ("view", "change", "delete")

# Every model whose admin asks the policy; their log entries are PolicyLogEntry rows.
governed_models: set[type] = set()


class AccessPolicy(ModelPermissionPolicy):
    """Map Wagtail's actions (add, change, delete, view…) to policy actions "app.action_model".

    An action that no rule answers is refused. Wagtail asks first "may this user take the action
    at all" (the menu, the list, the edit view): a right on one object is enough for that, and the
    views then narrow to the objects the right covers (``governance.access.admin``).
    """

    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        governed_models.add(self.model)

    def _action(self, action: str) -> str:
        return f"{self.app_label}.{action}_{self.model_name}"

    def user_has_permission(self, user, action):
        """Asked for every menu item and button of an admin page, often twice: the answer is kept
        on the user object, which lives for one request (see ``policy.model_answers``)."""
        name = self._action(action)
        if not policy.is_registered(name):
            return False
        answers = policy.model_answers(user)
        if name not in answers:
            answers[name] = policy.can(user, name) or (
                action in OBJECT_ACTIONS and self.instances_user_has_permission_for(user, action).exists()
            )
        return answers[name]

    def holds_model_right(self, user, action) -> bool:
        """Whether the rule allows ``action`` on the model as a whole, not only on some rows."""
        name = self._action(action)
        return policy.is_registered(name) and policy.can(user, name)

    def user_has_permission_for_instance(self, user, action, instance):
        name = self._action(action)
        return policy.is_registered(name) and policy.can(user, name, instance)

    def instances_user_has_permission_for(self, user, action) -> QuerySet:
        name = self._action(action)
        queryset = self.model._default_manager.all()
        return policy.visible(user, name, queryset) if policy.is_registered(name) else queryset.none()

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        allowed = Q(pk__in=[])
        for action in actions:
            allowed |= Q(pk__in=self.instances_user_has_permission_for(user, action).values("pk"))
        return self.model._default_manager.filter(allowed)
