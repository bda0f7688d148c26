from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CorrespondenceConfig(AppConfig):
    name = "documents.correspondence"
    label = "correspondence"
    verbose_name = _("Correspondence")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from documents import audit
        from documents.appeals.services import POINT_LOCKS
        from documents.correspondence.services import approved_answer_lock

        # The points of an appeal stay as its approved answer answers them.
        if approved_answer_lock not in POINT_LOCKS:
            POINT_LOCKS.append(approved_answer_lock)
        audit.chain_actions("correspondence.approve")
