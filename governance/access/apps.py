from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

PROJECT_PACKAGES = {"cms", "documents", "governance", "search"}


class AccessConfig(AppConfig):
    name = "governance.access"
    label = "access"
    verbose_name = _("Roles and access")

    def ready(self):
        # Each of the project's apps registers its rules with the policy from its permissions.py.
        from importlib import import_module

        from django.apps import apps
        from django.utils.module_loading import module_has_submodule

        for app_config in apps.get_app_configs():
            if app_config.name.split(".")[0] in PROJECT_PACKAGES and module_has_submodule(
                app_config.module, "permissions"
            ):
                import_module(f"{app_config.name}.permissions")

        # Every user field of a Wagtail admin form shows people by name and post, not logins.
        from django.contrib.auth import get_user_model
        from django.db.models import ForeignKey
        from wagtail.admin.forms.models import register_form_field_override

        from governance.access.people import PersonChoiceField

        register_form_field_override(ForeignKey, to=get_user_model(), override={"form_class": PersonChoiceField})

        # The policy keeps a user's role codes on the user object; changing that object's groups
        # drops the copy.
        from django.db.models.signals import m2m_changed

        from governance.access.policy import forget_roles

        def groups_changed(sender, instance, action, reverse, **kwargs):
            if action.startswith("post_") and not reverse:
                forget_roles(instance)

        m2m_changed.connect(
            groups_changed, sender=get_user_model().groups.through, dispatch_uid="kyzmat_forget_roles", weak=False
        )
