"""The lifecycle kit in the Wagtail admin: the buttons of a record's inspect page, the one view that
takes a transition, and the create and edit views that save through a service.

A module's snippet ViewSet mixes in ``LifecycleViewSetMixin`` and gives a table of action →
``Action`` (the service and the form of the extra fields it needs)::

    class OrderViewSet(LifecycleViewSetMixin, SnippetViewSet):
        lifecycle = LIFECYCLE
        record_arg = "order"
        transition_actions = {
            "submit": Action(services.order_submit),
            "approve": Action(services.order_approve, form=CommentForm),
            ...
        }

The inspect view (``LifecycleInspectMixin``) shows a button for each action that
``lifecycle.actions_for`` allows now; the transition view calls the service and turns a refusal
(``PermissionDenied``, ``ValidationError``, an invalid form) into a message in the user's language,
changing nothing.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from documents.lifecycle import Lifecycle
from governance.access import policy


class ActionForm(forms.Form):
    """The extra fields of an action; it knows the record and the user it is shown to."""

    def __init__(self, *args, record, user, **kwargs):
        self.record, self.user = record, user
        super().__init__(*args, **kwargs)


class CommentForm(ActionForm):
    comment = forms.CharField(label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ReasonForm(ActionForm):
    reason = forms.CharField(label=_("reason"), widget=forms.Textarea(attrs={"rows": 2}))


def done(request, result) -> None:
    messages.success(request, _("Done."))


@dataclass(frozen=True)
class Action:
    """What a button does: the service it calls, the form of its extra fields, the message after it."""

    service: Callable
    form: type[ActionForm] | None = None
    report: Callable = done  # (request, the service's result) → adds the message
    secondary: bool = False  # shown as a secondary button (an action that changes nothing)
    # An irreversible action asks first: what will happen, "%(record)s" names the record.
    confirm: str | Promise | None = None


@dataclass(frozen=True)
class Button:
    action: str
    label: str
    url: str
    form: ActionForm | None
    secondary: bool


def error_messages(error: Exception) -> list[str]:
    if isinstance(error, ValidationError):
        return list(error.messages)
    return [str(error) or str(_("You do not have the right to do this."))]


class TransitionView(WagtailAdminTemplateMixin, View):
    """POST only: take one action on one record through its service, then back to the inspect page.

    An action that asks first answers its first POST with a page that says what will happen and
    repeats the extra fields; only the POST that carries ``confirmed=yes`` takes it.
    """

    template_name = "documents/admin/confirm_transition.html"
    model = None
    lifecycle: Lifecycle = None
    transition_actions: Mapping[str, Action] = None
    record_arg: str = None
    inspect_url_name: str = None

    def post(self, request, pk, action):
        spec = self.transition_actions.get(action)
        if spec is None:
            raise Http404
        record = self.get_record(pk)
        try:
            form = self.valid_form(spec, record, request)
            if spec.confirm and request.POST.get("confirmed") != "yes":
                return self.ask(spec, action, record, form)
            extra = form.cleaned_data if form is not None else {}
            result = spec.service(**{self.record_arg: record}, actor=request.user, **extra)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(error_messages(error)))
        else:
            spec.report(request, result)
        return redirect(self.back_url(record))

    def get_record(self, pk):
        return get_object_or_404(self.model._default_manager, pk=pk)

    def back_url(self, record) -> str:
        """Where the user returns after the action: the record's inspect page."""
        return reverse(self.inspect_url_name, args=(record.pk,))

    def valid_form(self, spec: Action, record, request) -> ActionForm | None:
        if spec.form is None:
            return None
        form = spec.form(request.POST, record=record, user=request.user)
        if not form.is_valid():
            raise ValidationError([message for errors in form.errors.values() for message in errors])
        return form

    def ask(self, spec: Action, action: str, record, form: ActionForm | None):
        """The confirmation page, shown only for an action the user may take on the record now."""
        reason = self.lifecycle.refusal(action, record)
        if reason is not None:
            raise ValidationError(reason)
        policy.require(self.request.user, self.lifecycle.policy_action(action), record)
        self.page_title = self.lifecycle.labels[action][0]
        self.page_subtitle = str(record)
        return self.render_to_response(
            self.get_context_data(
                question=spec.confirm % {"record": record},
                form=form,
                answers=[(field.label, form.cleaned_data[field.name]) for field in form] if form is not None else [],
                action=action,
                back_url=self.back_url(record),
            )
        )


class LifecycleInspectMixin:
    """The inspect page's buttons: exactly the actions the lifecycle and the policy allow now."""

    template_name = "documents/admin/inspect.html"
    lifecycle: Lifecycle = None
    transition_actions: Mapping[str, Action] = None
    transition_url_name: str = None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["transitions"] = self.transition_buttons(self.request.user, self.object)
        return context

    def transition_buttons(self, user, record) -> list[Button]:
        return transition_buttons(self.lifecycle, self.transition_actions, self.transition_url_name, user, record)


def transition_buttons(
    lifecycle: Lifecycle, transition_actions: Mapping[str, Action], url_name: str, user, record, id_prefix: str = ""
) -> list[Button]:
    """The buttons of the actions ``user`` may take on ``record`` now, each posting to ``url_name``
    (with the record's key and the action); ``id_prefix`` keeps the forms' ids apart when a page
    shows the buttons of several records."""
    buttons = []
    for action in lifecycle.actions_for(user, record):
        spec = transition_actions.get(action)
        if spec is None:
            continue  # an action the admin does not offer (taken elsewhere)
        form = spec.form(record=record, user=user, auto_id=f"{id_prefix}{action}-%s") if spec.form else None
        buttons.append(
            Button(
                action=action,
                label=lifecycle.labels[action][0],
                url=reverse(url_name, args=(record.pk, action)),
                form=form,
                secondary=spec.secondary,
            )
        )
    return buttons


class LifecycleViewSetMixin:
    """A snippet ViewSet whose records follow a lifecycle: the transition URL and the inspect buttons."""

    lifecycle: Lifecycle = None
    transition_actions: Mapping[str, Action] = {}
    record_arg: str = None

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(
            lifecycle=self.lifecycle,
            transition_actions=self.transition_actions,
            transition_url_name=self.get_url_name("transition"),
            **kwargs,
        )

    @property
    def transition_view(self):
        return self.construct_view(
            TransitionView,
            model=self.model,
            lifecycle=self.lifecycle,
            transition_actions=self.transition_actions,
            record_arg=self.record_arg,
            inspect_url_name=self.get_url_name("inspect"),
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("transition/<int:pk>/<slug:action>/", self.transition_view, name="transition"),
        ]


def saving_views(service: Callable, argument: str) -> tuple[type, type]:
    """The add and edit views of a ViewSet whose records are saved by one service called as
    ``service(actor=user, <argument>=instance)``: ``add_view_class, edit_view_class = saving_views(...)``."""
    from wagtail.snippets.views.snippets import CreateView

    from governance.access.admin import EditView

    def save_through(self, instance):
        return service(actor=self.request.user, **{argument: instance})

    name = "".join(part.title() for part in argument.split("_"))
    return (
        type(f"{name}CreateView", (SavedThroughService, CreateView), {"save_through": save_through}),
        type(f"{name}EditView", (SavedThroughService, EditView), {"save_through": save_through}),
    )


class SavedThroughService:
    """A create or edit view whose form saves through a service: ``save_through(instance)``.

    A ``ValidationError`` from the service becomes the form's errors (on the fields it names where
    the form has them), and nothing is saved.
    """

    def save_through(self, instance):
        raise NotImplementedError

    def save_instance(self):
        return self.save_through(self.form.save(commit=False))

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            for field, errors in error.update_error_dict({}).items():
                form.add_error(field if field in form.fields else None, errors)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
