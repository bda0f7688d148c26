from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BodiesConfig(AppConfig):
    name = "governance.bodies"
    label = "bodies"
    verbose_name = _("Collegial bodies")

    def ready(self):
        from documents import audit
        from governance.bodies import (
            permissions,  # noqa: F401 (registers the rules)
            services,
        )
        from governance.staff.signals import action_took_effect

        def follow(sender, action, actor, **kwargs):
            services.seats_follow_posts(action=action, actor=actor)

        # Ex officio seats follow the staff data: a signed personnel order moves them.
        action_took_effect.connect(follow, dispatch_uid="bodies.seats_follow_posts", weak=False)

        # Opening and closing votes, registering decisions and signing minutes go into the audit chain.
        audit.chain_actions(
            "bodies.poll_open",
            "bodies.poll_close",
            "bodies.decision_register",
            "bodies.minutes_sign",
        )
