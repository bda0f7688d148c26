"""The correspondence registry in the Wagtail admin: the list narrowed by the policy with its
filters, the draft's form saved through the service, the card with the file versions, the
resolutions and the buttons, and the forms that upload a version, give a resolution and name a
reader of a confidential document; the draft resolutions prepared for a head, with the head's
buttons to approve or return them, and the head's desk section of the drafts awaiting them."""

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from documents import desk
from documents.appeals.models import Appeal
from documents.correspondence import selectors, services
from documents.correspondence.enums import DRAFT_LIFECYCLE, LIFECYCLE, Kind, Status
from documents.correspondence.forms import (
    AnswerPointForm,
    AppealAnswerForm,
    ReaderForm,
    RemarkForm,
    ResolutionDraftForm,
    ResolutionForm,
    UploadForm,
)
from documents.correspondence.models import Correspondence, ResolutionDraft
from documents.lifecycle_admin import (
    Action,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    TransitionView,
    saving_views,
    transition_buttons,
)
from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet
from governance.access.people import person_label

VIEW = "correspondence.view_correspondence"
VIEW_DRAFT = "correspondence.view_resolutiondraft"
URLS = "wagtailsnippets_correspondence_correspondence"
DRAFT_ACTIONS = {
    "approve": Action(
        services.resolution_draft_approve,
        confirm=_("Approve the draft resolution on “%(record)s”? It is given in the head's name and cannot be undone."),
    ),
    "return": Action(services.resolution_draft_return, form=RemarkForm, secondary=True),
}


def _visible(request, pk) -> Correspondence:
    """The document, if the user may read it; otherwise 404, so a hidden document is not confirmed."""
    queryset = policy.visible(request.user, VIEW, Correspondence.objects.all())
    return get_object_or_404(queryset, pk=pk)


class CorrespondenceFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=Kind.choices)
    status = django_filters.ChoiceFilter(label=_("status"), choices=Status.choices)
    year = django_filters.NumberFilter(label=_("year"))
    overdue = django_filters.BooleanFilter(
        label=_("with an overdue resolution"), method="filter_overdue", widget=django_filters.widgets.BooleanWidget
    )

    class Meta:
        model = Correspondence
        fields = ["kind", "status", "year", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = selectors.with_overdue_resolutions(timezone.localdate(), queryset)
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


DocumentCreateView, DocumentEditView = saving_views(services.correspondence_save, "document")


class CorrespondenceInspectView(LifecycleInspectMixin, InspectView):
    template_name = "correspondence/admin/inspect.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        document, user = self.object, self.request.user
        today = timezone.localdate()
        resolutions = list(selectors.resolutions(document))
        drafts = list(selectors.resolution_drafts(document, policy.visible(user, VIEW_DRAFT, ResolutionDraft.objects)))
        heads = {user.pk: user}
        for draft in drafts:  # one object per head: the policy keeps what it reads of a user on it
            draft.head = heads.setdefault(draft.head_id, draft.head)
        context.update(
            versions=document.files.select_related("uploaded_by"),
            resolutions=[(resolution, resolution.is_overdue(today)) for resolution in resolutions],
            links=[link for link in (document.reply_to, document.follows_from) if link is not None],
            card_url=reverse(f"{URLS}:card", args=(document.pk,)) if document.document else None,
            upload_form=UploadForm() if policy.can(user, "correspondence.upload", document) else None,
            upload_url=reverse(f"{URLS}:upload", args=(document.pk,)),
            resolve_url=(
                reverse(f"{URLS}:resolve", args=(document.pk,))
                if document.status == Status.REGISTERED and policy.can(user, "correspondence.resolve", document)
                else None
            ),
            reader_form=(
                ReaderForm()
                if document.confidential and policy.can(user, "correspondence.name_reader", document)
                else None
            ),
            reader_url=reverse(f"{URLS}:reader", args=(document.pk,)),
            drafts=[
                (
                    draft,
                    transition_buttons(
                        DRAFT_LIFECYCLE, DRAFT_ACTIONS, f"{URLS}:draft_transition", user, draft, f"draft-{draft.pk}-"
                    ),
                )
                for draft in drafts
            ],
            draft_url=(
                reverse(f"{URLS}:draft", args=(document.pk,))
                if policy.can(user, "correspondence.resolution_draft_prepare", document)
                else None
            ),
            answer_points=selectors.answer_points(document),
            answer_point_url=(
                reverse(f"{URLS}:point", args=(document.pk,))
                if document.appeal_id is not None
                and document.status == Status.DRAFT
                and policy.can(user, "correspondence.answer_point", document)
                else None
            ),
        )
        return context


class DocumentFormView(WagtailAdminTemplateMixin, FormView):
    """A form about one document: the document is read through the policy, the action is asked too."""

    template_name = "correspondence/admin/form.html"
    header_icon = "mail"
    action = ""

    def dispatch(self, request, pk):
        self.document = _visible(request, pk)
        if not policy.can(request.user, self.action, self.document):
            raise PermissionDenied
        return super().dispatch(request, pk=pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=self.document, **kwargs)

    def back(self):
        return redirect(f"{URLS}:inspect", self.document.pk)

    def form_valid(self, form):
        try:
            self.call(form)
        except ValidationError as error:
            for field, errors in error.update_error_dict({}).items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Done."))
        return self.back()


class UploadView(DocumentFormView):
    form_class = UploadForm
    page_title = _("Upload a version of the file")
    action = "correspondence.upload"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "auto_id": "upload-%s"}

    def call(self, form):
        name, data = form.read()
        services.correspondence_upload(actor=self.request.user, document=self.document, name=name, data=data)


class ResolveView(DocumentFormView):
    form_class = ResolutionForm
    page_title = _("Give a resolution")
    action = "correspondence.resolve"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def call(self, form):
        arguments = form.service_arguments()
        arguments.pop("parent", None)
        services.correspondence_resolve(actor=self.request.user, document=self.document, **arguments)


class ResolutionDraftView(DocumentFormView):
    form_class = ResolutionDraftForm
    page_title = _("Prepare a draft resolution")
    action = "correspondence.resolution_draft_prepare"

    def call(self, form):
        services.resolution_draft_prepare(actor=self.request.user, document=self.document, **form.service_arguments())


class ResolutionDraftTransitionView(TransitionView):
    """The head's approval or return of a draft: the draft is read through the policy (404 to
    whoever may not read its document), then back to the document's page."""

    model = ResolutionDraft
    lifecycle = DRAFT_LIFECYCLE
    transition_actions = DRAFT_ACTIONS
    record_arg = "draft"

    def get_record(self, pk):
        queryset = policy.visible(self.request.user, VIEW_DRAFT, ResolutionDraft.objects.select_related("document"))
        return get_object_or_404(queryset, pk=pk)

    def back_url(self, record) -> str:
        return reverse(f"{URLS}:inspect", args=(record.document_id,)) + "#drafts"


class ReaderView(DocumentFormView):
    form_class = ReaderForm
    page_title = _("Name a reader")
    action = "correspondence.name_reader"

    def call(self, form):
        services.correspondence_name_reader(
            actor=self.request.user, document=self.document, reader=form.cleaned_data["reader"]
        )


class AnswerPointView(DocumentFormView):
    form_class = AnswerPointForm
    page_title = _("Answer a point of the appeal")
    action = "correspondence.answer_point"

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "document": self.document}

    def call(self, form):
        services.correspondence_answer_point(actor=self.request.user, document=self.document, **form.cleaned_data)


class AppealAnswerView(WagtailAdminTemplateMixin, FormView):
    """Begin the answer to a citizen's appeal: an outgoing draft in the appeal's language, which is
    then answered point by point, approved by someone else and registered (sent). The appeal is read
    through the policy (404 to whoever may not read it); drafting asks to process it."""

    template_name = "correspondence/admin/form.html"
    header_icon = "mail"
    form_class = AppealAnswerForm
    page_title = _("Draft the answer to the appeal")

    def dispatch(self, request, pk):
        visible = policy.visible(request.user, "appeals.view_appeal", Appeal.objects.all())
        self.appeal = get_object_or_404(visible, pk=pk)
        if not policy.can(request.user, "appeals.process_appeal", self.appeal):
            raise PermissionDenied
        return super().dispatch(request, pk=pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(appeal=self.appeal, **kwargs)

    def form_valid(self, form):
        try:
            answer = services.appeal_reply_draft(actor=self.request.user, appeal=self.appeal, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.update_error_dict({}).items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("The answer is drafted: upload its file and answer each point."))
        return redirect(f"{URLS}:inspect", answer.pk)


class CorrespondenceViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Correspondence
    icon = "mail"
    menu_label = _("Correspondence")
    menu_order = 320
    add_to_admin_menu = True
    add_view_class = DocumentCreateView
    edit_view_class = DocumentEditView
    inspect_view_enabled = True
    inspect_view_class = CorrespondenceInspectView
    lifecycle = LIFECYCLE
    record_arg = "document"
    transition_actions = {
        "approve": Action(
            services.correspondence_approve,
            confirm=_("Approve the answer “%(record)s”? Its text, its file and its answers to the points are frozen."),
        ),
        "register": Action(
            services.correspondence_register,
            confirm=_("Register “%(record)s”? Its data and its file are frozen and it gets its number."),
        ),
    }
    list_display = [
        Column("number_display", label=_("registration number")),
        Column("kind", label=_("kind"), accessor="get_kind_display"),
        "registered_on",
        "correspondent",
        "subject",
        Column("status", label=_("status"), accessor="get_status_display"),
    ]
    list_per_page = 50
    filterset_class = CorrespondenceFilterSet
    search_fields = ["number_display", "subject", "summary", "correspondent"]
    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("language"), FieldPanel("document_date")]),
        FieldRowPanel([FieldPanel("correspondent"), FieldPanel("correspondent_number")]),
        FieldPanel("subject"),
        FieldPanel("summary"),
        FieldPanel("confidential"),
        FieldRowPanel([FieldPanel("reply_to"), FieldPanel("follows_from")]),
        FieldPanel("appeal"),
    ]

    def get_queryset(self, request):
        return policy.visible(request.user, VIEW, Correspondence.objects.all()).order_by(
            "-registered_on", "-number", "-pk"
        )

    def card_view(self, request, pk):
        document = _visible(request, pk)
        if not document.document:
            raise Http404
        name = f"card-{document.number_display.replace('/', '-')}.docx"
        return FileResponse(document.document.open("rb"), as_attachment=True, filename=name)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("card/<int:pk>/", self.card_view, name="card"),
            path("upload/<int:pk>/", UploadView.as_view(), name="upload"),
            path("resolve/<int:pk>/", ResolveView.as_view(), name="resolve"),
            path("reader/<int:pk>/", ReaderView.as_view(), name="reader"),
            path("draft/<int:pk>/", ResolutionDraftView.as_view(), name="draft"),
            path(
                "draft-decision/<int:pk>/<slug:action>/",
                ResolutionDraftTransitionView.as_view(),
                name="draft_transition",
            ),
            path("point/<int:pk>/", AnswerPointView.as_view(), name="point"),
            path("answer/<int:pk>/", AppealAnswerView.as_view(), name="answer"),
        ]


def desk_answers_to_approve(user):
    """The answers to citizens' appeals awaiting approval before they are sent, the nearest term first."""
    return desk.records_section(
        _("Answers to appeals to approve"),
        selectors.answers_awaiting(user),
        url=lambda answer: reverse(f"{URLS}:inspect", args=(answer.pk,)),
        date=lambda answer: answer.appeal.due,
        who=lambda answer: person_label(answer.created_by),
        hide_empty=True,
    )


def desk_drafts_to_approve(user):
    """The draft resolutions awaiting the user's approval (as the head, or acting for the chairman)."""
    return desk.records_section(
        _("Draft resolutions to approve"),
        selectors.drafts_awaiting(user),
        url=lambda draft: reverse(f"{URLS}:inspect", args=(draft.document_id,)) + "#drafts",
        date=lambda draft: draft.created_at,
        who=lambda draft: person_label(draft.prepared_by),
        hide_empty=True,
    )
