from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from governance.access.objects import direct_permission_models
from governance.agency.languages import in_language
from governance.structure.enums import ClassRank, PositionCategory, PositionGroup, SubdivisionKind


class Position(models.Model):
    """A post the staffing table counts: its title, category, group, class rank and salary rate."""

    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    category = models.CharField(_("category"), max_length=16, choices=PositionCategory.choices)
    group = models.CharField(_("group"), max_length=16, choices=PositionGroup.choices, blank=True)
    class_rank = models.CharField(_("class rank called for"), max_length=16, choices=ClassRank.choices, blank=True)
    salary_rate = models.DecimalField(_("monthly salary rate"), max_digits=12, decimal_places=2)
    on_nomenclature = models.BooleanField(
        _("on the nomenclature"),
        default=False,
        help_text=_("Its holder is appointed on a proposal to the Prime Minister."),
    )

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["title_ky"]

    def __str__(self):
        return self.title()

    def title(self, language: str | None = None) -> str:
        return in_language(self, "title", language)


class SubdivisionQuerySet(models.QuerySet):
    def on(self, day):
        """The subdivisions that exist on ``day``."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=day)
        )


class Subdivision(models.Model):
    """A unit of the agency's structure: a department, a division, a centre, a representation."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    kind = models.CharField(_("kind"), max_length=32, choices=SubdivisionKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("active"), default=True)
    head_position = models.ForeignKey(
        Position,
        verbose_name=_("head's position"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="headed_subdivisions",
    )
    regulation = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("regulation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_from = models.DateField(_("exists from"), null=True, blank=True)
    valid_to = models.DateField(_("exists until"), null=True, blank=True)

    objects = SubdivisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("subdivision")
        verbose_name_plural = _("subdivisions")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)

    def clean(self):
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValidationError({"valid_to": _("A subdivision cannot end before it begins.")})
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A subdivision cannot be part of itself.")})
            ancestor = ancestor.parent


SubdivisionUserObjectPermission, SubdivisionGroupObjectPermission = direct_permission_models(Subdivision)
