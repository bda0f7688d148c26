from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from governance.agency.languages import in_language
from governance.staff.enums import TAKES_POST, ActionKind, ActionStatus, ExternalActKind, StaffingStatus
from governance.structure.enums import ClassRank
from search.fields import language_field

# The basis of a record: the agency's signed order or the act of another body, one of the two.
ONE_BASIS = _("Name the basis: a signed order or an external act, one of the two.")


def check_one_basis(*, order, act: str, act_field: str, order_field: str, unsigned) -> None:
    """Refuse a record whose basis is missing or doubled, or is an order not yet signed (``unsigned``
    says what only a signed order does). Delegations and class ranks share it."""
    if bool(order) == bool(act.strip()):
        raise ValidationError({act_field: ONE_BASIS})
    if order is not None and not order.is_registered:
        raise ValidationError({order_field: unsigned})


class ExternalAct(models.Model):
    """The act of another body recorded as a basis: its kind, issuer, number, date and title in both
    languages (the Prime Minister's order that appoints to a nomenclature post, say)."""

    act_kind = models.CharField(_("kind of act"), max_length=32, choices=ExternalActKind.choices, blank=True)
    act_issuer = models.CharField(_("issued by"), max_length=300, blank=True)
    act_number = models.CharField(_("act number"), max_length=50, blank=True)
    act_date = models.DateField(_("act date"), null=True, blank=True)
    act_title_ky = models.CharField(_("act title (Kyrgyz)"), max_length=500, blank=True)
    act_title_ru = models.CharField(_("act title (Russian)"), max_length=500, blank=True)

    ACT_FIELDS = ("act_kind", "act_issuer", "act_number", "act_date", "act_title_ky", "act_title_ru")

    class Meta:
        abstract = True

    def has_external_act(self) -> bool:
        return any(getattr(self, name) not in (None, "") for name in self.ACT_FIELDS)

    def missing_act_fields(self) -> list[str]:
        return [
            name
            for name in self.ACT_FIELDS
            if getattr(self, name) in (None, "") or not str(getattr(self, name)).strip()
        ]

    def external_act(self, language: str | None = None) -> str:
        """The act as one line in ``language`` (by default the active one), or "" when none is recorded."""
        if not self.has_external_act():
            return ""
        language = language or ("ru" if (translation.get_language() or "").startswith("ru") else "ky")
        with translation.override(language):
            kind = str(self.get_act_kind_display()) if self.act_kind else ""
        day = f"{self.act_date:%d.%m.%Y}" if self.act_date else ""
        title = in_language(self, "act_title", language)
        if language == "ru":
            return f"{self.act_issuer}, {kind} от {day} № {self.act_number} «{title}»"
        return f"{self.act_issuer}, {day} № {self.act_number} {kind} «{title}»"


class DelegationQuerySet(models.QuerySet):
    def covering(self, day):
        return self.filter(date_from__lte=day, date_to__gte=day)


class Delegation(models.Model):
    """The chairman's powers given to a deputy for dated days (acting chairman, statute clause 10)."""

    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="delegations"
    )
    date_from = models.DateField(_("first day"))
    date_to = models.DateField(_("last day"))
    basis_order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("basis: a signed order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The agency's signed order that gives the powers."),
    )
    basis = models.CharField(
        _("basis: an external act"),
        max_length=500,
        blank=True,
        help_text=_("Or the act of another body that gives the powers: its name, date and number."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-date_from"]

    def __str__(self):
        return f"{self.delegate} {self.date_from:%d.%m.%Y}–{self.date_to:%d.%m.%Y}"

    def clean(self):
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("The delegation cannot end before it begins.")})
        check_one_basis(
            order=self.basis_order if self.basis_order_id else None,
            act=self.basis,
            act_field="basis",
            order_field="basis_order",
            unsigned=_("Only a signed order gives the powers."),
        )


class WageLimit(models.Model):
    """The yearly limits the staffing table must keep: the number of staff and the wage fund."""

    year = models.PositiveIntegerField(_("year"), unique=True)
    staff_limit = models.PositiveIntegerField(_("staff-number limit"))
    wage_fund = models.DecimalField(_("yearly wage fund"), max_digits=16, decimal_places=2)

    class Meta:
        verbose_name = _("yearly limit")
        verbose_name_plural = _("yearly limits")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)


class StaffingTableQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=StaffingStatus.APPROVED)

    def in_force_on(self, day):
        """The one approved version in force on ``day`` (the latest to have taken effect), or None."""
        return self.approved().filter(effective_from__lte=day).order_by("-effective_from").first()


class StaffingTable(models.Model):
    """One version of the staffing table: rows of subdivision × position × units × monthly salary."""

    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=16, choices=StaffingStatus.choices, default=StaffingStatus.DRAFT, editable=False
    )
    effective_from = models.DateField(_("in force from"))
    order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("approving order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="staffing_tables",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = StaffingTableQuerySet.as_manager()

    class Meta:
        verbose_name = _("staffing table")
        verbose_name_plural = _("staffing tables")
        ordering = ["-effective_from", "-pk"]
        constraints = [
            # exactly one version in force on any day: no two approved versions take effect the same day
            models.UniqueConstraint(
                fields=["effective_from"],
                condition=models.Q(status="approved"),
                name="staff_one_version_per_day",
            )
        ]

    def __str__(self):
        return f"{self.title} ({self.effective_from:%d.%m.%Y})"


class StaffingRow(models.Model):
    table = models.ForeignKey(
        StaffingTable, verbose_name=_("staffing table"), on_delete=models.CASCADE, related_name="rows"
    )
    subdivision = models.ForeignKey(
        "structure.Subdivision", verbose_name=_("subdivision"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        "structure.Position", verbose_name=_("position"), on_delete=models.PROTECT, related_name="+"
    )
    units = models.PositiveSmallIntegerField(_("units"))
    monthly_salary = models.DecimalField(_("monthly salary of a unit"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("row of the staffing table")
        verbose_name_plural = _("rows of the staffing table")
        ordering = ["subdivision__sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["table", "subdivision", "position"], name="staff_row_unique_post")
        ]

    def __str__(self):
        return f"{self.subdivision} — {self.position} × {self.units}"


class Employee(index.Indexed, models.Model):
    """A person on the agency's staff: a personnel record (personal data)."""

    full_name_ky = models.CharField(_("full name (Kyrgyz)"), max_length=300)
    full_name_ru = models.CharField(_("full name (Russian)"), max_length=300)
    personnel_number = models.CharField(_("personnel number"), max_length=20, unique=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="employee",
    )

    # A surname is a name: both spellings weigh more than anything else a staff search looks at.
    search_fields = [
        language_field("full_name_ky", boost=3),
        language_field("full_name_ru", boost=3),
        index.SearchField("personnel_number"),
        index.AutocompleteField("full_name_ky"),
        index.AutocompleteField("full_name_ru"),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("employee")
        verbose_name_plural = _("employees")
        ordering = ["full_name_ky"]

    def __str__(self):
        return self.full_name()

    def full_name(self, language: str | None = None) -> str:
        return in_language(self, "full_name", language)


class PersonnelAction(ExternalAct, models.Model):
    """An appointment, transfer, acting or dismissal: a proposal until the order carrying it is signed,
    or, on a nomenclature post, until the external act that makes it is recorded."""

    employee = models.ForeignKey(Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="actions")
    kind = models.CharField(_("kind"), max_length=16, choices=ActionKind.choices)
    date = models.DateField(_("date"))
    subdivision = models.ForeignKey(
        "structure.Subdivision",
        verbose_name=_("subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    position = models.ForeignKey(
        "structure.Position",
        verbose_name=_("position"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    grounds_ky = models.CharField(_("grounds (Kyrgyz)"), max_length=500)
    grounds_ru = models.CharField(_("grounds (Russian)"), max_length=500)
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus.choices, default=ActionStatus.PROPOSAL, editable=False
    )
    order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("personnel order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="personnel_actions",
        editable=False,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("proposed by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("personnel action")
        verbose_name_plural = _("personnel actions")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.employee} ({self.date:%d.%m.%Y})"

    def grounds(self, language: str | None = None) -> str:
        return in_language(self, "grounds", language)

    def clean(self):
        if self.order_id and self.has_external_act():
            raise ValidationError(ONE_BASIS)

    def nomenclature_post(self):
        """The nomenclature post the action concerns, as (subdivision, position), or None: the post it
        gives, or for a dismissal the post held on its date."""
        if self.kind in TAKES_POST:
            subdivision, position = self.subdivision, self.position
        else:
            held = (
                PostHolding.objects.on(self.date)
                .filter(employee_id=self.employee_id, acting=False)
                .select_related("subdivision", "position")
                .first()
            )
            subdivision, position = (held.subdivision, held.position) if held else (None, None)
        return (subdivision, position) if position is not None and position.on_nomenclature else None

    def basis(self, language: str | None = None) -> str:
        """What put the action into effect: the personnel order's number, or the external act."""
        if self.order_id and self.order.is_registered:
            return str(self.order)
        return self.external_act(language)


class PostHoldingQuerySet(models.QuerySet):
    def on(self, day):
        return self.filter(date_from__lte=day).filter(models.Q(date_to__isnull=True) | models.Q(date_to__gte=day))


class PostHolding(models.Model):
    """A stretch of an employee's post history, written only by a signed personnel order."""

    employee = models.ForeignKey(Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="posts")
    subdivision = models.ForeignKey(
        "structure.Subdivision", verbose_name=_("subdivision"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.ForeignKey(
        "structure.Position", verbose_name=_("position"), on_delete=models.PROTECT, related_name="+"
    )
    acting = models.BooleanField(_("acting"), default=False)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("until"), null=True, blank=True)
    action = models.ForeignKey(
        PersonnelAction, verbose_name=_("personnel action"), on_delete=models.PROTECT, related_name="+"
    )

    objects = PostHoldingQuerySet.as_manager()

    class Meta:
        verbose_name = _("post held")
        verbose_name_plural = _("post history")
        ordering = ["-date_from", "-pk"]
        indexes = [models.Index(fields=["subdivision", "position", "date_from"])]

    def __str__(self):
        return f"{self.employee}: {self.position}, {self.subdivision}"


class EmployeeView(models.Model):
    """Who read a personnel record other than its owner, and when."""

    employee = models.ForeignKey(Employee, verbose_name=_("employee"), on_delete=models.CASCADE, related_name="views")
    viewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("viewed by"), on_delete=models.PROTECT, related_name="+"
    )
    viewed_at = models.DateTimeField(_("viewed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("view of a personnel record")
        verbose_name_plural = _("views of personnel records")
        ordering = ["-viewed_at", "-pk"]

    def __str__(self):
        return f"{self.viewer} → {self.employee}"


class RankPeriod(models.Model):
    """How many years a civil servant holds a class rank before the next may be conferred (set by the agency)."""

    rank = models.CharField(_("class rank"), max_length=16, choices=ClassRank.choices, unique=True)
    years = models.PositiveSmallIntegerField(
        _("minimum years in the rank"), validators=[MinValueValidator(1), MaxValueValidator(50)]
    )

    class Meta:
        verbose_name = _("period in a class rank")
        verbose_name_plural = _("periods in class ranks")
        ordering = ["rank"]

    def __str__(self):
        return f"{self.get_rank_display()}: {self.years}"


class RankConferral(models.Model):
    """A class rank conferred on a civil servant: the rank, the day, and its basis (an order or an external act)."""

    employee = models.ForeignKey(Employee, verbose_name=_("employee"), on_delete=models.PROTECT, related_name="ranks")
    rank = models.CharField(_("class rank"), max_length=16, choices=ClassRank.choices)
    date = models.DateField(_("conferred on"))
    basis_order = models.ForeignKey(
        "orders.Order",
        verbose_name=_("basis: a signed order"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The agency's signed order that confers the rank."),
    )
    basis_act = models.CharField(
        _("basis: an external act"),
        max_length=500,
        blank=True,
        help_text=_("Or the act of another body that confers the rank: its name, date and number."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("class rank conferred")
        verbose_name_plural = _("class ranks conferred")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["employee", "rank"],
                name="staff_rank_conferred_once",
                violation_error_message=_("This class rank is already recorded for this employee."),
            ),
        ]

    def __str__(self):
        return f"{self.employee}: {self.get_rank_display()} ({self.date:%d.%m.%Y})"

    def clean(self):
        check_one_basis(
            order=self.basis_order if self.basis_order_id else None,
            act=self.basis_act,
            act_field="basis_act",
            order_field="basis_order",
            unsigned=_("Only a signed order confers a rank."),
        )
