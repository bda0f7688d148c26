from wagtail import hooks

from governance.access.models import PolicyLogEntry
from governance.access.wagtail import governed_models


@hooks.register("register_log_actions")
def log_governed_models(actions):
    """The log entries of records whose admin asks the policy are read through the policy too."""
    for model in governed_models:
        actions.register_model(model, PolicyLogEntry)
