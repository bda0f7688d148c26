from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppealsConfig(AppConfig):
    name = "documents.appeals"
    label = "appeals"
    verbose_name = _("Appeals")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documents import audit

        # Leaving an appeal unconsidered closes it without an answer: it goes into the audit chain.
        audit.chain_actions("appeals.leave_unconsidered")
