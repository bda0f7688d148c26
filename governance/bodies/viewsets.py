"""The Wagtail admin of collegial bodies. The Public Council's recommendations: the council's chair
and secretary record them, the chairman, the deputies and the state secretary answer, the council
closes and publishes them. Bodies and meetings: lists and inspect pages for their members (the
secretary, the records office), read-only; meetings, votes and minutes are run from the members'
portal (views.py)."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from documents.lifecycle_admin import Action, LifecycleInspectMixin, LifecycleViewSetMixin, saving_views
from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet
from governance.bodies import services
from governance.bodies.enums import RECOMMENDATION_LIFECYCLE, BodyKind, MeetingStatus
from governance.bodies.forms import ResponseForm
from governance.bodies.models import Body, Meeting, Recommendation

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


def _readable_bodies(request):
    """The bodies the reader may see: a filter never names a body they are not in."""
    if request is None:
        return Body.objects.none()
    return policy.visible(request.user, "bodies.view_body", Body.objects.all())


class BodyViewSet(PolicySnippetViewSet):
    model = Body
    icon = "group"
    menu_label = _("Bodies")
    inspect_view_enabled = True
    list_display = ["name_ky", "name_ru", "kind", "term_start", "term_end"]
    list_filter = {"kind": ["exact"]}
    inspect_view_fields = [
        "kind",
        "name_ky",
        "name_ru",
        "term_start",
        "term_end",
        "quorum_rule",
        "voting_rule",
        "chair_casting_vote",
        "agenda_days",
        "response_days",
        "response_working_days",
        "code",
    ]


class MeetingFilterSet(WagtailFilterSet):
    body = django_filters.ModelChoiceFilter(label=_("body"), queryset=_readable_bodies)
    body__kind = django_filters.ChoiceFilter(label=_("kind"), choices=BodyKind.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=MeetingStatus.choices)
    starts_at = django_filters.DateFromToRangeFilter(label=_("date"), widget=DateRangePickerWidget)

    class Meta:
        model = Meeting
        fields = ["body", "body__kind", "status", "starts_at"]


class MeetingViewSet(PolicySnippetViewSet):
    model = Meeting
    icon = "date"
    menu_label = _("Meetings")
    inspect_view_enabled = True
    filterset_class = MeetingFilterSet
    list_display = ["__str__", "body", "starts_at", "place", "status", "agenda_sent_at"]
    inspect_view_fields = [
        "body",
        "starts_at",
        "place",
        "online_link",
        "status",
        "agenda_sent_at",
        "cancel_reason_ky",
        "cancel_reason_ru",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("body")


class BodiesGroup(SnippetViewSetGroup):
    menu_label = _("Collegial bodies")
    menu_icon = "group"
    menu_order = 315
    items = (BodyViewSet, MeetingViewSet)
