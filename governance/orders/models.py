import datetime
import re
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from documents.registration import ChildFile, FrozenChild, FrozenRecordError, RegisteredModel, Registration
from governance.access.objects import direct_permission_models
from governance.agency.languages import in_language
from governance.orders.enums import (
    LIFECYCLE,
    REGISTERED,
    ApprovalDecision,
    Confidentiality,
    LinkKind,
    OrderStatus,
)
from search.fields import STEMS_FIELD, stems_of

ANNEX_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "rtf", "txt", "xlsx", "zip"]


def signed_document_path(order: "Order", filename: str) -> str:
    """An unguessable name: the file is served through views that ask the policy, never by its URL."""
    return f"orders/{order.year}/{uuid.uuid4().hex}.docx"


def annex_path(attachment: "OrderAttachment", filename: str) -> str:
    """An annex, like the signed document, under an unguessable name served only through the policy."""
    extension = PurePath(filename).suffix.lower()
    return f"orders/annexes/{uuid.uuid4().hex}{extension if extension[1:] in ANNEX_EXTENSIONS else ''}"


class FrozenOrderError(FrozenRecordError):
    """A registered order's text, number, dates or child rows were about to change."""

    message = _("A signed order cannot be changed: issue a new order that amends it.")


REGISTRATION = Registration(
    statuses=REGISTERED,
    frozen=(
        "series",
        "series_code",
        "series_name_ky",
        "series_name_ru",
        "year",
        "number",
        "number_display",
        "confidentiality",
        "title_ky",
        "title_ru",
        "preamble_ky",
        "preamble_ru",
        "subdivision",
        "drafter",
        "signed_on",
        "signed_by",
        "signed_as_acting",
        "effective_from",
        "expires_on",
        "content_sha256",
        "file_sha256",
        "digest_key",
        "document",
    ),
    lifecycle=("status", "published_at"),
    transitions=LIFECYCLE.transitions,
    canonical="governance.orders.canonical.canonical_content",
    renderer="governance.orders.docx.order_renderer",
    prefetch=("points", "approvals__approver", "attachments", "amends"),
    files=(ChildFile("attachments", file="file", digest="sha256"),),
    error=FrozenOrderError,
)


class Series(models.Model):
    """A numbering series of orders: core activity, personnel, and whatever else the agency keeps."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    suffix = models.CharField(
        _("number suffix"), max_length=10, blank=True, help_text=_('Written after the number, e.g. "-к".')
    )
    confidentiality = models.CharField(
        _("confidentiality"), max_length=16, choices=Confidentiality.choices, default=Confidentiality.PUBLIC
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("series of orders")
        verbose_name_plural = _("series of orders")
        ordering = ["code"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)

    @property
    def numbering_key(self) -> str:
        return f"orders:{self.code}"


class OrderQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def registered(self):
        return self.filter(status__in=REGISTERED)

    def public(self):
        """Published public orders: what the registry, the API and anyone may read."""
        return self.filter(confidentiality=Confidentiality.PUBLIC, published_at__isnull=False)

    def awaiting_signature(self):
        return self.filter(status=OrderStatus.APPROVED)

    def in_force_on(self, day: datetime.date):
        """Registered orders in effect on ``day``: taken effect, not expired, cancelled or suspended."""
        acting = OrderLink.objects.filter(target=OuterRef("pk"), source__effective_from__lte=day)
        last_suspension = (
            acting.filter(kind__in=[LinkKind.SUSPENDS, LinkKind.RESUMES])
            .order_by("-source__effective_from", "-created_at")
            .values("kind")[:1]
        )
        return (
            self.registered()
            .filter(effective_from__lte=day)
            .filter(Q(expires_on__isnull=True) | Q(expires_on__gte=day))
            .exclude(Exists(acting.filter(kind=LinkKind.CANCELS)))
            .annotate(_last_suspension=Subquery(last_suspension))
            .filter(Q(_last_suspension__isnull=True) | Q(_last_suspension=LinkKind.RESUMES))
        )


class Order(RegisteredModel, index.Indexed, ClusterableModel):
    """An order of the chairman: one legal act in Kyrgyz (the original) and Russian."""

    registration = REGISTRATION

    series = models.ForeignKey(Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="orders")
    status = models.CharField(
        _("status"), max_length=16, choices=OrderStatus.choices, default=OrderStatus.DRAFT, editable=False
    )
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=16,
        choices=Confidentiality.choices,
        blank=True,
        help_text=_("Left empty, the series' confidentiality applies."),
    )
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=500, blank=True)
    title_ru = models.CharField(_("title (Russian)"), max_length=500, blank=True)
    preamble_ky = models.TextField(_("preamble (Kyrgyz)"), blank=True)
    preamble_ru = models.TextField(_("preamble (Russian)"), blank=True)
    subdivision = models.ForeignKey(
        "structure.Subdivision",
        verbose_name=_("drafting subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    drafter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafter"),
        on_delete=models.PROTECT,
        related_name="drafted_orders",
        editable=False,
    )
    effective_from = models.DateField(
        _("takes effect"), null=True, blank=True, help_text=_("Left empty, the order takes effect when signed.")
    )
    expires_on = models.DateField(_("expires"), null=True, blank=True)
    amends = ParentalManyToManyField(
        "self", verbose_name=_("amends"), symmetrical=False, blank=True, related_name="amended_by"
    )

    # Registration: set by order_sign, frozen afterwards. The series as it stood at signing.
    series_code = models.CharField(_("series code"), max_length=50, blank=True, editable=False)
    series_name_ky = models.CharField(_("series name (Kyrgyz)"), max_length=200, blank=True, editable=False)
    series_name_ru = models.CharField(_("series name (Russian)"), max_length=200, blank=True, editable=False)
    year = models.PositiveIntegerField(_("year"), null=True, editable=False)
    number = models.PositiveIntegerField(_("number"), null=True, editable=False)
    number_display = models.CharField(_("number"), max_length=30, blank=True, editable=False)
    signed_on = models.DateField(_("signed on"), null=True, editable=False)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    signed_as_acting = models.BooleanField(_("signed by the acting chairman"), default=False, editable=False)
    # Keyed digests (HMAC-SHA256, documents.digests) and the id of their key.
    content_sha256 = models.CharField(_("digest of the text"), max_length=64, blank=True, editable=False)
    file_sha256 = models.CharField(_("digest of the file"), max_length=64, blank=True, editable=False)
    digest_key = models.CharField(_("digest key"), max_length=12, blank=True, editable=False)
    document = models.FileField(_("signed document"), upload_to=signed_document_path, blank=True, editable=False)
    published_at = models.DateTimeField(_("published at"), null=True, editable=False)
    state_seal = models.CharField(_("seal of the status"), max_length=64, blank=True, editable=False)

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = OrderQuerySet.as_manager()

    search_fields = [
        index.SearchField("title_ky"),
        index.SearchField("title_ru"),
        index.SearchField("number_display"),
        index.SearchField(STEMS_FIELD),
        index.FilterField("confidentiality"),
        index.FilterField("published_at"),
        index.FilterField("year"),
        index.FilterField("status"),
        index.FilterField("signed_on"),
        index.FilterField("number"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = pgettext_lazy("legal act", "order")
        verbose_name_plural = _("orders")
        ordering = ["-signed_on", "-number", "-pk"]
        permissions = [
            ("view_personnel_order", _("Can view personnel orders")),
            ("publish_order", _("Can publish orders")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "number"],
                condition=Q(number__isnull=False),
                name="orders_order_unique_number",
            )
        ]
        indexes = [models.Index(fields=["status", "confidentiality"]), models.Index(fields=["-signed_on"])]
        triggers = REGISTRATION.triggers()

    def __str__(self):
        title = self.title() or self.title_ky or self.title_ru
        return f"№ {self.number_display} {title}" if self.number_display else title

    def title(self, language: str | None = None) -> str:
        return in_language(self, "title", language)

    def preamble(self, language: str | None = None) -> str:
        return in_language(self, "preamble", language)

    def effective_confidentiality(self) -> str:
        return self.confidentiality or self.series.confidentiality

    def search_stems(self) -> str:
        """The titles' words as stems: any inflected form finds the order (search/fields.py)."""
        return stems_of(self, ky=["title_ky"], ru=["title_ru"])

    def names(self, other: "Order") -> bool:
        """Whether this order names ``other``: among the orders it links to, or by its number
        ("№ 9", "№ 9-к") in its preamble or points, in either language."""
        if any(target.pk == other.pk for target in self.amends.all()):
            return True
        if not other.number_display:
            return False
        mention = re.compile(rf"№\s*{re.escape(other.number_display)}(?![\w-])")
        texts = [self.preamble_ky, self.preamble_ru, *(t for p in self.points.all() for t in (p.text_ky, p.text_ru))]
        return any(mention.search(text) for text in texts)

    def is_published_for_everyone(self) -> bool:
        """The same rule as ``Order.objects.public()``, for one order."""
        return self.confidentiality == Confidentiality.PUBLIC and self.published_at is not None

    def clean(self):
        errors = {}
        if not (self.title_ky.strip() or self.title_ru.strip()):
            errors["title_ky"] = _("Give the title in at least one language.")
        if self.effective_from and self.expires_on and self.expires_on < self.effective_from:
            errors["expires_on"] = _("An order cannot expire before it takes effect.")
        if (
            self.series_id
            and self.series.confidentiality == Confidentiality.PERSONNEL
            and self.confidentiality not in ("", Confidentiality.PERSONNEL)
        ):
            errors["confidentiality"] = _("Orders of a personnel series stay personnel.")
        if errors:
            raise ValidationError(errors)


class OrderAmends(Order.amends.through):
    """The ``amends`` links as a model of their own, for their triggers: frozen with the amending order."""

    class Meta:
        proxy = True
        triggers = REGISTRATION.child_triggers("from_order")


class OrderPoint(FrozenChild, Orderable):
    """One numbered operative point, in both languages."""

    frozen_with = "order"
    order = ParentalKey(Order, related_name="points", on_delete=models.CASCADE)
    text_ky = models.TextField(_("text (Kyrgyz)"), blank=True)
    text_ru = models.TextField(_("text (Russian)"), blank=True)

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("point")
        verbose_name_plural = _("points")
        triggers = REGISTRATION.child_triggers("order")

    def __str__(self):
        return self.text()[:80]

    def text(self, language: str | None = None) -> str:
        return in_language(self, "text", language)


class OrderAttachment(FrozenChild, Orderable):
    """An annex of the order: its own file (not a public document) with its titles; the file's
    SHA-256 is recorded at signing and is part of the signed content."""

    frozen_with = "order"
    order = ParentalKey(Order, related_name="attachments", on_delete=models.CASCADE)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    file = models.FileField(
        _("file"), upload_to=annex_path, validators=[FileExtensionValidator(ANNEX_EXTENSIONS)], max_length=200
    )
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True, editable=False)

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        triggers = REGISTRATION.child_triggers("order")

    def __str__(self):
        return self.title()

    def title(self, language: str | None = None) -> str:
        return in_language(self, "title", language)


class OrderApproval(FrozenChild, Orderable):
    """One line of the approval sheet: an approver, in order, and the decision with a comment."""

    frozen_with = "order"
    order = ParentalKey(Order, related_name="approvals", on_delete=models.CASCADE)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approver"), on_delete=models.PROTECT, related_name="+"
    )
    decision = models.CharField(
        _("decision"),
        max_length=16,
        choices=ApprovalDecision.choices,
        default=ApprovalDecision.PENDING,
        editable=False,
    )
    comment = models.TextField(_("comment"), blank=True, editable=False)
    decided_at = models.DateTimeField(_("decided at"), null=True, editable=False)

    class Meta(Orderable.Meta):
        ordering = ["sort_order", "pk"]
        verbose_name = _("approval")
        verbose_name_plural = _("approval sheet")
        triggers = REGISTRATION.child_triggers("order")

    def __str__(self):
        return f"{self.approver}: {self.get_decision_display()}"


class OrderLink(models.Model):
    """A signed order (source) that suspends, resumes or cancels an earlier one (target)."""

    source = models.ForeignKey(
        Order, verbose_name=_("by order"), on_delete=models.PROTECT, related_name="actions_taken"
    )
    target = models.ForeignKey(
        Order,
        verbose_name=pgettext_lazy("legal act", "order"),
        on_delete=models.PROTECT,
        related_name="actions_received",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=LinkKind.choices)
    reason_ky = models.TextField(_("reason (Kyrgyz)"))
    reason_ru = models.TextField(_("reason (Russian)"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("link between orders")
        verbose_name_plural = _("links between orders")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.source} {self.get_kind_display()} {self.target}"

    def reason(self, language: str | None = None) -> str:
        return in_language(self, "reason", language)


OrderUserObjectPermission, OrderGroupObjectPermission = direct_permission_models(Order)
