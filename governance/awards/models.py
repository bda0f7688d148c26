import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from governance.agency.languages import in_language
from governance.awards.enums import OPEN, AwardLevel, Language, NominationStatus, NomineeKind


class AwardKind(models.Model):
    """An award the agency confers (certificate of honour, letter of thanks, badge…) or a state award
    or honorary title it only proposes to the Government."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=200)
    name_ru = models.CharField(_("name (Russian)"), max_length=200)
    level = models.CharField(_("level"), max_length=16, choices=AwardLevel.choices, default=AwardLevel.AGENCY)
    repeat_after_years = models.PositiveSmallIntegerField(
        _("years before the same award again"),
        default=3,
        help_text=_("A person cannot receive this award again within this many years (0: no limit)."),
    )
    needs_collegium = models.BooleanField(
        _("considered by the collegium"), default=False, help_text=_("The collegium considers the nomination first.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("order in lists"), default=0)

    class Meta:
        verbose_name = _("kind of award")
        verbose_name_plural = _("kinds of award")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)

    @property
    def is_agency(self) -> bool:
        return self.level == AwardLevel.AGENCY


class Nominee(models.Model):
    """Who receives the award: an employee of the agency, an outside person or an organisation."""

    nominee_kind = models.CharField(
        _("nominee"), max_length=16, choices=NomineeKind.choices, default=NomineeKind.EMPLOYEE
    )
    employee = models.ForeignKey(
        "staff.Employee",
        verbose_name=_("employee"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300, blank=True)
    name_ru = models.CharField(_("name (Russian)"), max_length=300, blank=True)
    subdivision = models.ForeignKey(
        "structure.Subdivision",
        verbose_name=_("subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(
        _("language of the certificate"), max_length=2, choices=Language.choices, default=Language.KY
    )

    class Meta:
        abstract = True

    def recipient(self, language: str | None = None) -> str:
        return in_language(self, "name", language)


class NominationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN)

    def same_open(self, nomination: "Nomination"):
        """Open nominations of the same kind for the same person or organisation."""
        same = self.open().filter(kind_id=nomination.kind_id).exclude(pk=nomination.pk)
        if nomination.employee_id is not None:
            return same.filter(employee_id=nomination.employee_id)
        return same.filter(employee__isnull=True, nominee_kind=nomination.nominee_kind, name_ky=nomination.name_ky)


class Nomination(Nominee):
    kind = models.ForeignKey(AwardKind, verbose_name=_("award"), on_delete=models.PROTECT, related_name="nominations")
    grounds_ky = models.TextField(_("grounds (Kyrgyz)"))
    grounds_ru = models.TextField(_("grounds (Russian)"))
    status = models.CharField(
        _("status"), max_length=16, choices=NominationStatus.choices, default=NominationStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    collegium_decision = models.ForeignKey(
        "bodies.Decision",
        verbose_name=_("collegium's decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-proposed_at", "-pk"]

    def __str__(self):
        return f"{self.recipient()} — {self.kind}"

    def grounds(self, language: str | None = None) -> str:
        return in_language(self, "grounds", language)


class AwardQuerySet(models.QuerySet):
    def of_year(self, year: int):
        return self.filter(conferred_on__year=year)

    def same_for(self, nomination: Nomination):
        """Awards of the nomination's kind already given to the same person or organisation."""
        same = self.filter(kind_id=nomination.kind_id)
        if nomination.employee_id is not None:
            return same.filter(employee_id=nomination.employee_id)
        return same.filter(employee__isnull=True, nominee_kind=nomination.nominee_kind, name_ky=nomination.name_ky)


class Award(Nominee):
    """An award conferred by a signed order: on the person's record for good."""

    nomination = models.OneToOneField(
        Nomination, verbose_name=_("nomination"), on_delete=models.PROTECT, related_name="award"
    )
    kind = models.ForeignKey(AwardKind, verbose_name=_("award"), on_delete=models.PROTECT, related_name="awards")
    order = models.ForeignKey("orders.Order", verbose_name=_("order"), on_delete=models.PROTECT, related_name="+")
    conferred_on = models.DateField(_("conferred on"))

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-conferred_on", "-pk"]

    def __str__(self):
        return f"{self.recipient()} — {self.kind} ({self.conferred_on:%d.%m.%Y})"

    @property
    def year(self) -> int:
        return self.conferred_on.year

    def again_from(self) -> datetime.date | None:
        """The first day the same award may be given again, or None when there is no limit."""
        years = self.kind.repeat_after_years
        if not years:
            return None
        try:
            return self.conferred_on.replace(year=self.conferred_on.year + years)
        except ValueError:  # 29 February
            return self.conferred_on.replace(year=self.conferred_on.year + years, day=28)
