from django.db import models
from django.utils.translation import gettext_lazy as _


class SubdivisionKind(models.TextChoices):
    """Kinds of subdivision named by the statute (clauses 11, 12)."""

    DEPARTMENT = "department", _("department")
    DIVISION = "division", _("division")
    SECTOR = "sector", _("sector")
    CENTRE = "centre", _("centre")
    REPRESENTATION_ABROAD = "representation_abroad", _("representation abroad")
    DEPARTMENTAL = "departmental", _("departmental subdivision")
    TERRITORIAL = "territorial", _("territorial subdivision")
