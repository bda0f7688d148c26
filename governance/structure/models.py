from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from governance.access.objects import direct_permission_models
from governance.agency.languages import in_language
from governance.structure.enums import SubdivisionKind


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

    class Meta:
        verbose_name = _("subdivision")
        verbose_name_plural = _("subdivisions")
        ordering = ["sort_order", "code"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)

    def clean(self):
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk:
                raise ValidationError({"parent": _("A subdivision cannot be part of itself.")})
            ancestor = ancestor.parent


SubdivisionUserObjectPermission, SubdivisionGroupObjectPermission = direct_permission_models(Subdivision)
