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
