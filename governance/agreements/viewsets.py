from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.snippets.views.snippets import CreateView, SnippetViewSetGroup

from documents import desk
from documents.lifecycle_admin import (
    Action,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    SavedThroughService,
    saving_views,
)
from governance.access.admin import EditView, InspectView, PolicySnippetViewSet
from governance.access.people import person_label
from governance.agreements import selectors, services
from governance.agreements.enums import LIFECYCLE
from governance.agreements.forms import DatedStepForm
from governance.agreements.models import (
    Agreement,
    AgreementEvent,
    AgreementText,
    DomesticStep,
    NegotiationRound,
    Party,
)
from governance.agreements.permissions import reads

IRREVERSIBLE = _("Record this step of “%(record)s” on the date given? It goes on the agreement's timeline.")


class AgreementCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.agreement_create(actor=self.request.user, agreement=instance)


class AgreementEditView(SavedThroughService, EditView):
    def save_through(self, instance):
        return services.agreement_save(actor=self.request.user, agreement=instance)


class AgreementInspectView(LifecycleInspectMixin, InspectView):
    template_name = "agreements/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.object
        context.update(
            parties=agreement.parties.all(),
            rounds=agreement.rounds.all(),
            events=agreement.events.order_by("date", "pk"),
            texts=agreement.texts.all(),
            steps=agreement.domestic_steps.all(),
            expires_on=agreement.expires_on(),
            notice_deadline=agreement.notice_deadline(),
        )
        return context


class AgreementViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Agreement
    icon = "doc-full"
    menu_label = _("Agreements")
    add_view_class = AgreementCreateView
    edit_view_class = AgreementEditView
    inspect_view_enabled = True
    inspect_view_class = AgreementInspectView
    lifecycle = LIFECYCLE
    record_arg = "agreement"
    transition_actions = {
        "negotiate": Action(services.agreement_negotiate, form=DatedStepForm),
        "initial": Action(services.agreement_initial, form=DatedStepForm),
        "sign": Action(services.agreement_sign, form=DatedStepForm, confirm=IRREVERSIBLE),
        "submit_ratification": Action(services.agreement_submit_ratification, form=DatedStepForm),
        "enter_into_force": Action(services.agreement_enter_into_force, form=DatedStepForm, confirm=IRREVERSIBLE),
        "suspend": Action(services.agreement_suspend, form=DatedStepForm, confirm=IRREVERSIBLE),
        "resume": Action(services.agreement_resume, form=DatedStepForm, confirm=IRREVERSIBLE),
        "terminate": Action(services.agreement_terminate, form=DatedStepForm, confirm=IRREVERSIBLE),
    }
    list_display = ["title_ky", "title_ru", "kind", "stage", "signed_on", "in_force_on", "is_public"]
    list_filter = ["kind", "stage", "is_public", "automatic_renewal"]
    search_fields = ["title_ky", "title_ru"]
    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("title_ky"), FieldPanel("title_ru")]),
        FieldRowPanel([FieldPanel("subject_ky"), FieldPanel("subject_ru")]),
        FieldRowPanel([FieldPanel("signatory_kind"), FieldPanel("signatory_name")]),
        FieldPanel("signatory_authority"),
        FieldPanel("place_of_signature"),
        FieldPanel("requires_ratification"),
        FieldRowPanel([FieldPanel("duration_months"), FieldPanel("notice_days")]),
        FieldRowPanel([FieldPanel("automatic_renewal"), FieldPanel("renewal_months")]),
        FieldRowPanel([FieldPanel("depositary"), FieldPanel("authentic_languages")]),
        FieldPanel("subdivision"),
        FieldPanel("is_public"),
    ]


PartCreateView, PartEditView = saving_views(services.part_save, "part")


class PartViewSet(PolicySnippetViewSet):
    """A party, a round, an event, a text or a step: saved through ``services.part_save``."""

    add_view_class = PartCreateView
    edit_view_class = PartEditView

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("agreement")


class PartyViewSet(PartViewSet):
    model = Party
    icon = "group"
    menu_label = _("Parties")
    list_display = ["name_ky", "name_ru", "kind", "agreement"]
    list_filter = ["kind"]
    panels = [
        FieldPanel("agreement"),
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("name_ky"), FieldPanel("name_ru")]),
    ]


class RoundViewSet(PartViewSet):
    model = NegotiationRound
    icon = "date"
    menu_label = _("Negotiation rounds")
    list_display = ["agreement", "number", "date_from", "date_to", "place"]
    panels = [
        FieldPanel("agreement"),
        FieldPanel("number"),
        FieldRowPanel([FieldPanel("date_from"), FieldPanel("date_to")]),
        FieldPanel("place"),
        FieldPanel("outcome"),
        FieldPanel("record"),
    ]


class EventViewSet(PartViewSet):
    model = AgreementEvent
    icon = "history"
    menu_label = _("Timeline")
    list_display = ["agreement", "date", "kind"]
    list_filter = ["kind"]
    panels = [
        FieldPanel("agreement"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("kind")]),
        FieldRowPanel([FieldPanel("note_ky"), FieldPanel("note_ru")]),
    ]


class TextViewSet(PartViewSet):
    model = AgreementText
    icon = "doc-empty"
    menu_label = _("Texts")
    list_display = ["agreement", "language", "is_authentic"]
    list_filter = ["is_authentic"]
    panels = [
        FieldPanel("agreement"),
        FieldRowPanel([FieldPanel("language"), FieldPanel("is_authentic")]),
        FieldPanel("file"),
    ]


class DomesticStepViewSet(PartViewSet):
    model = DomesticStep
    icon = "tasks"
    menu_label = _("Domestic steps")
    list_display = ["agreement", "__str__", "due_on", "done_on"]
    panels = [
        FieldPanel("agreement"),
        FieldRowPanel([FieldPanel("description_ky"), FieldPanel("description_ru")]),
        FieldRowPanel([FieldPanel("due_on"), FieldPanel("done_on")]),
    ]


class AgreementsGroup(SnippetViewSetGroup):
    menu_label = _("International agreements")
    menu_icon = "globe"
    menu_order = 340
    items = (AgreementViewSet, PartyViewSet, RoundViewSet, EventViewSet, TextViewSet, DomesticStepViewSet)


def desk_agreement_deadlines(user):
    """The international department's and the leadership's panel: agreements' dates under control."""
    if not reads(user):
        return None
    return desk.records_section(
        _("Agreements: notice, expiry and renewal dates"),
        selectors.open_deadlines(user),
        url=lambda instruction: reverse("wagtailsnippets_documents_instruction:inspect", args=(instruction.pk,)),
        date=lambda instruction: instruction.deadline,
        who=lambda instruction: person_label(instruction.executor),
    )
