from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "governance.bodies"
    label = "bodies"
    verbose_name = _("Collegial bodies")

    def ready(self):
        from documents import audit
        from governance.bodies import permissions  # noqa: F401 (registers the rules)

        # Opening and closing votes, registering decisions and signing minutes go into the audit chain.
        audit.chain_actions(
            "bodies.poll_open",
            "bodies.poll_close",
            "bodies.decision_register",
            "bodies.minutes_sign",
        )
