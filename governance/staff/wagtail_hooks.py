from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from governance.access import policy
from governance.staff.enums import ACTION_LIFECYCLE, STAFFING_LIFECYCLE
from governance.staff.viewsets import DelegationViewSet, StaffGroup

register_snippet(DelegationViewSet)
register_snippet(StaffGroup)


@hooks.register("register_log_actions")
def register_staff_actions(actions):
    STAFFING_LIFECYCLE.register_log_actions(actions)
    ACTION_LIFECYCLE.register_log_actions(actions)


class VacanciesMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.can(request.user, "staff.view_vacancies")


@hooks.register("register_reports_menu_item")
def register_vacancies_menu_item():
    return VacanciesMenuItem(
        _("Vacancies"), reverse("wagtailsnippets_staff_staffingtable:vacancies"), icon_name="table", order=700
    )


class RankEligibilityMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.can(request.user, "staff.view_rankconferral")


@hooks.register("register_reports_menu_item")
def register_rank_eligibility_menu_item():
    return RankEligibilityMenuItem(
        _("Eligibility for the next class rank"),
        reverse("wagtailsnippets_staff_rankconferral:eligibility"),
        icon_name="pick",
        order=710,
    )
