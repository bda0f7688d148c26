"""The orders in the Wagtail admin: the list with its filters, the inspect page with the history,
the links and the buttons of the transitions the user may take, and the series."""

import io

import django_filters
from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSetGroup

from documents import desk
from documents.lifecycle_admin import (
    Action,
    CommentForm,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    SavedThroughService,
)
from governance.access import policy
from governance.access.admin import InspectView, PolicySnippetViewSet
from governance.access.people import person_label
from governance.orders import selectors, services
from governance.orders.docx import annex_file_name, file_name, render_order
from governance.orders.enums import LIFECYCLE, OrderStatus, link_sentence_html
from governance.orders.forms import ByOrderForm, OrderForm
from governance.orders.models import Order, OrderAttachment, Series
from governance.orders.permissions import is_signer
from governance.structure.models import Subdivision


class OrderFilterSet(WagtailFilterSet):
    series = django_filters.ModelChoiceFilter(label=_("series"), queryset=Series.objects.all())
    year = django_filters.NumberFilter(label=_("year"))
    status = django_filters.ChoiceFilter(label=_("status"), choices=OrderStatus.choices)
    subdivision = django_filters.ModelChoiceFilter(label=_("drafting subdivision"), queryset=Subdivision.objects.all())

    class Meta:
        model = Order
        fields = ["series", "year", "status", "subdivision"]


class SavedAsDraft(SavedThroughService):
    def save_through(self, instance):
        return services.order_save_draft(order=instance, actor=self.request.user)


class OrderCreateView(SavedAsDraft, CreateView):
    pass


class OrderEditView(SavedAsDraft, EditView):
    def get_object(self, queryset=None):
        order = super().get_object(queryset)
        policy.require(self.request.user, "orders.change_order", order)  # a signed order is read-only
        return order


class OrderInspectView(LifecycleInspectMixin, InspectView):
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
        context.update(
            docx_url=reverse("wagtailsnippets_orders_order:docx", args=(self.object.pk,)),
            history_url=reverse("wagtailsnippets_orders_order:history", args=(self.object.pk,)),
            languages=[("ky", _("In Kyrgyz")), ("ru", _("In Russian"))],
            link_lines=self.link_lines(),
        )
        return context

    def link_lines(self) -> list[tuple[str, str]]:
        """Each link of the order as a sentence read from its side, with the reason where an acting
        order gave one; an amending link is not repeated beside the act on the same order."""
        order = self.object
        acts = [(link.kind, False, link.source, link.reason()) for link in order.actions_received.all()]
        acts += [(link.kind, True, link.target, link.reason()) for link in order.actions_taken.all()]
        acted = {(other.pk, taken) for _kind, taken, other, _reason in acts}
        amends = [("amends", True, target, "") for target in order.amends.all() if (target.pk, True) not in acted]
        amends += [
            ("amends", False, source, "") for source in order.amended_by.all() if (source.pk, False) not in acted
        ]
        return [
            (
                link_sentence_html(
                    kind,
                    taken=taken,
                    url=reverse("wagtailsnippets_orders_order:inspect", args=(other.pk,)),
                    text=str(other),
                ),
                reason,
            )
            for kind, taken, other, reason in amends + acts
        ]


def report_verification(request, result) -> None:
    if result.ok:
        messages.success(request, _("Both digests match: the text and the file are as signed."))
    else:
        messages.error(request, _("The digests do not match: the order was changed after signing."))


class DocxView(View):
    """The stored signed file, or a preview of a draft, for whoever may view the order."""

    def get(self, request, pk):
        order = get_object_or_404(Order.objects.select_related("series", "signed_by"), pk=pk)
        policy.require(request.user, "orders.view_order", order)
        if order.document:
            return FileResponse(order.document.open("rb"), as_attachment=True, filename=file_name(order))
        return FileResponse(io.BytesIO(render_order(order)), as_attachment=True, filename=file_name(order))


class AnnexView(View):
    """An annex's file, for whoever may view its order: annexes are never public documents."""

    def get(self, request, pk):
        attachment = get_object_or_404(OrderAttachment.objects.select_related("order__series"), pk=pk)
        policy.require(request.user, "orders.view_order", attachment.order)
        return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=annex_file_name(attachment))


class OrderViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Order
    lifecycle = LIFECYCLE
    record_arg = "order"
    transition_actions = {
        "submit": Action(services.order_submit),
        "approve": Action(services.order_approve, form=CommentForm),
        "reject": Action(services.order_reject, form=CommentForm),
        "return": Action(services.order_return, form=CommentForm),
        "sign": Action(
            services.order_sign,
            confirm=_(
                "Sign “%(record)s”? It takes the next number of its series, and its text can no longer be changed."
            ),
        ),
        "publish": Action(
            services.order_publish,
            confirm=_("Publish “%(record)s”? Anyone will read it in the public registry and the open-data API."),
        ),
        "suspend": Action(
            services.order_suspend,
            form=ByOrderForm,
            confirm=_("Suspend “%(record)s” by the order named below? It has no effect until an order resumes it."),
        ),
        "resume": Action(
            services.order_resume,
            form=ByOrderForm,
            confirm=_("Resume “%(record)s” by the order named below? It takes effect again."),
        ),
        "cancel": Action(
            services.order_cancel,
            form=ByOrderForm,
            confirm=_("Cancel “%(record)s” by the order named below? This cannot be undone."),
        ),
        "verify": Action(services.order_verify, report=report_verification, secondary=True),
    }
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
            FieldPanel(
                "amends",
                help_text=_(
                    "The signed orders this order amends, suspends, resumes or cancels: only an order that names "
                    "another, here or by its number in its text, may act on it."
                ),
            ),
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
            path("docx/<int:pk>/", DocxView.as_view(), name="docx"),
            path("annex/<int:pk>/", AnnexView.as_view(), name="annex"),
        ]


class SeriesViewSet(PolicySnippetViewSet):
    model = Series
    icon = "list-ol"
    list_display = [
        "code",
        "name_ky",
        "name_ru",
        "suffix",
        "confidentiality",
        BooleanColumn("is_active", label=Series._meta.get_field("is_active").verbose_name),
    ]


class OrdersGroup(SnippetViewSetGroup):
    items = (OrderViewSet, SeriesViewSet)
    menu_icon = "doc-full"
    menu_label = _("Orders")
    menu_order = 310


def _desk_section(title, orders, *, list_status: str = "", hide_empty: bool = False) -> desk.Section | None:
    return desk.records_section(
        title,
        orders,
        url=lambda order: reverse("wagtailsnippets_orders_order:inspect", args=(order.pk,)),
        date=lambda order: order.updated_at,
        who=lambda order: person_label(order.drafter),
        list_url=f"{reverse('wagtailsnippets_orders_order:list')}?status={list_status}" if list_status else "",
        hide_empty=hide_empty,
    )


def desk_to_approve(user):
    return _desk_section(_("Orders to approve"), selectors.to_approve(user), hide_empty=True)


def desk_returned(user):
    return _desk_section(_("Orders returned to me"), selectors.returned_to(user), hide_empty=True)


def desk_to_sign(user):
    if not is_signer(user):
        return None
    return _desk_section(_("Orders to sign"), selectors.to_sign(), list_status=OrderStatus.APPROVED)


def desk_to_publish(user):
    if not policy.can(user, "orders.publish"):
        return None
    return _desk_section(_("Orders to publish"), selectors.to_publish(), list_status=OrderStatus.SIGNED)
