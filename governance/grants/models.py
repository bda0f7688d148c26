"""Grants from donors and international organisations (statute clause 7), kept on a special
treasury account: the agreement's amount and currency, its budget lines, the tranches expected and
received, the expenditures by line, and the reports due to the donor."""

import uuid
from decimal import Decimal
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from governance.agency.languages import in_language
from governance.grants.enums import PUBLISHED, DonorKind, GrantStatus, TrancheStatus
from search.fields import STEMS_FIELD, kyrgyz_stems, language_field

CURRENCY = RegexValidator(r"^[A-Z]{3}$", _("A currency is its three-letter ISO 4217 code, e.g. USD, EUR, KGS."))
POSITIVE = MinValueValidator(Decimal("0.01"))
REPORT_EXTENSIONS = ["docx", "odt", "pdf", "xlsx", "ods", "zip"]


def report_path(report, filename: str) -> str:
    extension = PurePath(filename).suffix.lower()
    return f"grants/reports/{uuid.uuid4().hex}{extension if extension[1:] in REPORT_EXTENSIONS else ''}"


def money_field(label, **kwargs):
    return models.DecimalField(label, max_digits=16, decimal_places=2, validators=[POSITIVE], **kwargs)


def currency_field(label=None):
    return models.CharField(label or _("currency"), max_length=3, validators=[CURRENCY])


class Donor(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=DonorKind.choices)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    country = models.CharField(_("country"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering = ["name_ky"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)


class GrantQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_public=True, status__in=PUBLISHED)


class Grant(index.Indexed, models.Model):
    donor = models.ForeignKey(Donor, verbose_name=_("donor"), on_delete=models.PROTECT, related_name="grants")
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    purpose_ky = models.TextField(_("purpose (Kyrgyz)"), blank=True)
    purpose_ru = models.TextField(_("purpose (Russian)"), blank=True)
    amount = money_field(_("amount"))
    currency = currency_field()
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    treasury_account = models.CharField(_("special treasury account"), max_length=40, blank=True)
    subdivision = models.ForeignKey(
        "structure.Subdivision", verbose_name=_("responsible subdivision"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=GrantStatus.choices, default=GrantStatus.NEGOTIATED, editable=False
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True, editable=False)
    is_public = models.BooleanField(_("public"), default=True, help_text=_("A public grant is listed on the site."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = GrantQuerySet.as_manager()

    search_fields = [
        language_field("title_ky", boost=2),
        language_field("title_ru", boost=2),
        language_field("purpose_ky"),
        language_field("purpose_ru"),
        index.SearchField(STEMS_FIELD),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        ordering = ["-starts_on", "-pk"]

    def __str__(self):
        return self.title()

    def title(self, language: str | None = None) -> str:
        return in_language(self, "title", language)

    def purpose(self, language: str | None = None) -> str:
        return in_language(self, "purpose", language)

    def search_stems(self) -> str:
        """The Kyrgyz title's and purpose's words as stems (search/fields.py)."""
        return kyrgyz_stems(self, ["title_ky", "purpose_ky"])

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The grant cannot end before it begins.")})


class BudgetLine(models.Model):
    grant = models.ForeignKey(Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="lines")
    code = models.CharField(_("code"), max_length=20)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    amount = money_field(_("amount"))

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["grant", "code"]
        constraints = [models.UniqueConstraint(fields=["grant", "code"], name="grants_line_code")]

    def __str__(self):
        return f"{self.code} {self.name()}"

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)


class Tranche(models.Model):
    """A tranche the donor agreement expects, and what was received, in the grant's currency."""

    grant = models.ForeignKey(Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="tranches")
    number = models.PositiveIntegerField(_("number"))
    expected_on = models.DateField(_("expected on"))
    expected_amount = money_field(_("expected amount"))
    status = models.CharField(
        _("status"), max_length=10, choices=TrancheStatus.choices, default=TrancheStatus.EXPECTED, editable=False
    )
    received_on = models.DateField(_("received on"), null=True, blank=True, editable=False)
    received_amount = models.DecimalField(
        _("received, in the grant's currency"), max_digits=16, decimal_places=2, null=True, blank=True, editable=False
    )
    received_currency = models.CharField(_("received in currency"), max_length=3, blank=True, editable=False)
    received_original = models.DecimalField(
        _("received, in that currency"), max_digits=16, decimal_places=2, null=True, blank=True, editable=False
    )
    rate = models.DecimalField(_("rate"), max_digits=18, decimal_places=6, null=True, blank=True, editable=False)
    rate_date = models.DateField(_("date of the rate"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("tranche")
        verbose_name_plural = _("tranches")
        ordering = ["grant", "number"]
        constraints = [models.UniqueConstraint(fields=["grant", "number"], name="grants_tranche_number")]

    def __str__(self):
        return _("Tranche %(number)s of %(grant)s") % {"number": self.number, "grant": self.grant}


class Expenditure(models.Model):
    grant = models.ForeignKey(Grant, verbose_name=_("grant"), on_delete=models.PROTECT, related_name="expenditures")
    line = models.ForeignKey(
        BudgetLine, verbose_name=_("budget line"), on_delete=models.PROTECT, related_name="expenditures"
    )
    tranche = models.ForeignKey(
        Tranche, verbose_name=_("paid from tranche"), on_delete=models.PROTECT, related_name="expenditures"
    )
    date = models.DateField(_("date"))
    amount = money_field(_("amount paid"))
    currency = currency_field(_("currency paid"))
    rate = models.DecimalField(
        _("rate"),
        max_digits=18,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("Units of the grant's currency for one unit of the currency paid; only for another currency."),
    )
    rate_date = models.DateField(_("date of the rate"), null=True, blank=True)
    amount_in_grant_currency = models.DecimalField(
        _("amount in the grant's currency"), max_digits=16, decimal_places=2, editable=False
    )
    description = models.CharField(_("description"), max_length=500)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("expenditure")
        verbose_name_plural = _("expenditures")
        ordering = ["grant", "date", "pk"]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.description}"


class GrantReport(models.Model):
    """A report due to the donor; under control as an instruction until it is submitted."""

    grant = models.ForeignKey(Grant, verbose_name=_("grant"), on_delete=models.CASCADE, related_name="reports")
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    due_on = models.DateField(_("due on"))
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True, editable=False)
    file = models.FileField(
        _("file"),
        upload_to=report_path,
        validators=[FileExtensionValidator(REPORT_EXTENSIONS)],
        max_length=200,
        blank=True,
    )

    class Meta:
        verbose_name = _("report to the donor")
        verbose_name_plural = _("reports to donors")
        ordering = ["grant", "due_on"]

    def __str__(self):
        return in_language(self, "title")
