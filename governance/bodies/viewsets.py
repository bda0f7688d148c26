"""The Wagtail admin of the Public Council's recommendations: the council's chair and secretary
record them, the chairman, the deputies and the state secretary answer, the council closes and
publishes them. Meetings, votes and minutes live in the members' portal (views.py)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from documents.lifecycle_admin import Action, LifecycleInspectMixin, LifecycleViewSetMixin, saving_views
from governance.access.admin import InspectView, PolicySnippetViewSet
from governance.bodies import services
from governance.bodies.enums import RECOMMENDATION_LIFECYCLE
from governance.bodies.forms import ResponseForm
from governance.bodies.models import Recommendation

RecommendationCreateView, RecommendationEditView = saving_views(services.recommendation_save, "recommendation")


class RecommendationInspectView(LifecycleInspectMixin, InspectView):
    pass


class RecommendationViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Recommendation
    icon = "comment"
    menu_label = _("Public Council recommendations")
    add_to_admin_menu = True
    menu_order = 320
    add_view_class = RecommendationCreateView
    edit_view_class = RecommendationEditView
    inspect_view_enabled = True
    inspect_view_class = RecommendationInspectView
    lifecycle = RECOMMENDATION_LIFECYCLE
    record_arg = "recommendation"
    transition_actions = {
        "answer": Action(services.recommendation_answer, form=ResponseForm),
        "close": Action(services.recommendation_close),
        "publish": Action(
            services.recommendation_publish,
            confirm=_("Publish “%(record)s” and the agency's response on the public site, in both languages?"),
        ),
    }
    list_display = ["number_display", "subject_ky", "body", "adopted_on", "status", "response_due_on"]
    list_filter = ["status", "body", "year"]
    search_fields = ["subject_ky", "subject_ru"]
    inspect_view_fields = [
        "body",
        "meeting",
        "adopted_on",
        "subject_ky",
        "subject_ru",
        "text_ky",
        "text_ru",
        "status",
        "response_due_on",
        "response_ky",
        "response_ru",
        "answered_by",
        "answered_on",
        "published_at",
    ]
    panels = [
        FieldRowPanel([FieldPanel("body"), FieldPanel("meeting"), FieldPanel("adopted_on")]),
        FieldRowPanel([FieldPanel("subject_ky"), FieldPanel("subject_ru")]),
        FieldRowPanel([FieldPanel("text_ky"), FieldPanel("text_ru")]),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("body")
