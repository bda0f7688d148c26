from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "documents.archive"
    label = "archive"
    verbose_name = _("Archive")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documents import audit

        # Holds and destruction go into the audit chain, and so into a transfer package's extract.
        audit.chain_actions(
            "archive.file_record",
            "archive.hold_place",
            "archive.hold_lift",
            "archive.destruction_propose",
            "archive.destruction_approve",
        )
