from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from governance.access import policy
from governance.awards import selectors
from governance.awards.enums import LIFECYCLE
from governance.awards.viewsets import AwardsGroup

register_snippet(AwardsGroup)


@hooks.register("register_log_actions")
def register_award_actions(actions):
    LIFECYCLE.register_log_actions(actions)


@hooks.register("employee_record_parts")
def awards_on_the_record(request, employee):
    """The awards on the personnel record's page, those the reader may read."""
    if not policy.can(request.user, "awards.view_award"):
        return ""
    awards = policy.visible(request.user, "awards.view_award", selectors.awards_of(employee))
    return render_to_string("awards/admin/employee_awards.html", {"awards": awards}, request=request)
