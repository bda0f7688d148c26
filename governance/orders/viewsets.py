"""The orders in the Wagtail admin: the list with its filters, the inspect page with the history,
the links and the buttons of the transitions the user may take, and the series."""

import io

import django_filters
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSetGroup

from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet
from governance.orders import selectors, services
from governance.orders.docx import file_name, render_order
from governance.orders.enums import OrderStatus
from governance.orders.forms import OrderForm
from governance.orders.models import Order, Series
from governance.structure.models import Subdivision


class OrderFilterSet(WagtailFilterSet):
    series = django_filters.ModelChoiceFilter(label=_("series"), queryset=Series.objects.all())
    year = django_filters.NumberFilter(label=_("year"))
    status = django_filters.ChoiceFilter(label=_("status"), choices=OrderStatus.choices)
    subdivision = django_filters.ModelChoiceFilter(label=_("drafting subdivision"), queryset=Subdivision.objects.all())

    class Meta:
        model = Order
        fields = ["series", "year", "status", "subdivision"]


class SavedThroughServices:
    """The admin's create and edit forms save through order_save_draft."""

    def save_instance(self):
        return services.order_save_draft(order=self.form.save(commit=False), actor=self.request.user)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            return self.form_invalid(form)


class OrderCreateView(SavedThroughServices, CreateView):
    pass


class OrderEditView(SavedThroughServices, EditView):
    def get_object(self, queryset=None):
        order = super().get_object(queryset)
        policy.require(self.request.user, "orders.change_order", order)  # a signed order is read-only
        return order


class OrderInspectView(InspectView):
    template_name = "orders/admin/inspect.html"

    def get_object(self, queryset=None):
        order = get_object_or_404(selectors.orders_with_details(Order.objects.all()), pk=self.pk)
        policy.require(self.request.user, "orders.view_order", order)
        return order

    def get_edit_url(self):
        if policy.can(self.request.user, "orders.change_order", self.object):
            return reverse(self.edit_url_name, args=(self.object.pk,))
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        order, user = self.object, self.request.user
        context.update(
            actions=selectors.available_actions(user, order),
            acting_orders=selectors.acting_orders(exclude=order) if policy.can(user, "orders.suspend", order) else [],
            verify=order.is_registered and policy.can(user, "orders.verify", order),
            docx_url=reverse("wagtailsnippets_orders_order:docx", args=(order.pk,)),
            transition_url_name="wagtailsnippets_orders_order:transition",
            history_url=reverse("wagtailsnippets_orders_order:history", args=(order.pk,)),
            languages=[("ky", _("In Kyrgyz")), ("ru", _("In Russian"))],
        )
        return context


class TransitionView(View):
    """A button of the inspect page: one service call, its refusal shown as a message."""

    SIMPLE = {
        "submit": services.order_submit,
        "sign": services.order_sign,
        "publish": services.order_publish,
        "verify": services.order_verify,
    }
    COMMENTED = {"approve": services.order_approve, "reject": services.order_reject}
    BY_ORDER = {"suspend": services.order_suspend, "resume": services.order_resume, "cancel": services.order_cancel}

    def post(self, request, pk, action):
        order = get_object_or_404(Order, pk=pk)
        try:
            result = self.call(action, order, request.user, request.POST)
        except (PermissionDenied, ValidationError) as error:
            messages.error(request, " ".join(getattr(error, "messages", None) or [str(error)]))
        else:
            if action != "verify":
                messages.success(request, _("Done."))
            elif result.ok:
                messages.success(request, _("Both digests match: the text and the file are as signed."))
            else:
                messages.error(request, _("The digests do not match: the order was changed after signing."))
        return redirect("wagtailsnippets_orders_order:inspect", pk)

    def call(self, action, order, user, data):
        if action in self.SIMPLE:
            return self.SIMPLE[action](order=order, actor=user)
        if action in self.COMMENTED:
            return self.COMMENTED[action](order=order, actor=user, comment=data.get("comment", ""))
        if action in self.BY_ORDER:
            raw = data.get("by_order", "")
            by_order = Order.objects.filter(pk=int(raw)).first() if raw.isdigit() else None
            if by_order is None:
                raise ValidationError(_("Name another signed order that does this."))
            return self.BY_ORDER[action](order=order, by_order=by_order, reason=data.get("reason", ""), actor=user)
        raise Http404


class DocxView(View):
    """The stored signed file, or a preview of a draft, for whoever may view the order."""

    def get(self, request, pk):
        order = get_object_or_404(Order.objects.select_related("series", "signed_by"), pk=pk)
        policy.require(request.user, "orders.view_order", order)
        if order.document:
            return FileResponse(order.document.open("rb"), as_attachment=True, filename=file_name(order))
        return FileResponse(io.BytesIO(render_order(order)), as_attachment=True, filename=file_name(order))


class OrderViewSet(PolicySnippetViewSet):
    model = Order
    icon = "doc-full"
    menu_label = _("Orders")
    list_display = [
        "__str__",  # the number and the title, linked to the edit view of a draft, else to inspect
        Column("series", label=_("series")),
        Column("status", label=_("status"), accessor="get_status_display"),
        Column("signed_on", label=_("signed on")),
    ]
    list_per_page = 50
    filterset_class = OrderFilterSet
    inspect_view_enabled = True
    inspect_view_class = OrderInspectView
    add_view_class = OrderCreateView
    edit_view_class = OrderEditView
    ordering = ["-created_at"]
    # no search_fields: the model's own (both titles and the number), which every backend searches

    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("series"), FieldPanel("confidentiality"), FieldPanel("subdivision")]),
            MultiFieldPanel([FieldPanel("title_ky"), FieldPanel("preamble_ky")], heading=_("In Kyrgyz")),
            MultiFieldPanel([FieldPanel("title_ru"), FieldPanel("preamble_ru")], heading=_("In Russian")),
            InlinePanel("points", heading=_("points"), label=_("point")),
            FieldRowPanel([FieldPanel("effective_from"), FieldPanel("expires_on")]),
            FieldPanel("amends"),
            InlinePanel("approvals", heading=_("approval sheet"), label=_("approver")),
            InlinePanel("attachments", heading=_("attachments"), label=_("attachment")),
        ],
        base_form_class=OrderForm,
    )

    def get_queryset(self, request):
        return selectors.orders_for_list(policy.visible(request.user, "orders.view_order", Order.objects.all()))

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("transition/<int:pk>/<slug:action>/", TransitionView.as_view(), name="transition"),
            path("docx/<int:pk>/", DocxView.as_view(), name="docx"),
        ]


class SeriesViewSet(PolicySnippetViewSet):
    model = Series
    icon = "list-ol"
    list_display = ["code", "name_ky", "name_ru", "suffix", "confidentiality", "is_active"]


class OrdersGroup(SnippetViewSetGroup):
    items = (OrderViewSet, SeriesViewSet)
    menu_icon = "doc-full"
    menu_label = _("Orders")
    menu_order = 310


class AwaitingSignaturePanel(Component):
    """The chairman's (or the acting chairman's) dashboard: approved orders to sign."""

    name = "orders_awaiting_signature"
    template_name = "orders/admin/awaiting_signature.html"
    order = 50

    def get_context_data(self, parent_context=None):
        return {"orders": list(selectors.awaiting_signature()[:20])}
