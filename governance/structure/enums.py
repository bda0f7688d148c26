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


class PositionCategory(models.TextChoices):
    """Categories of state civil service positions (law No. 75 of 30 May 2016)."""

    POLITICAL = "political", _("political")
    SPECIAL = "special", _("special")
    ADMINISTRATIVE = "administrative", _("administrative")


class PositionGroup(models.TextChoices):
    """Groups of administrative positions."""

    HIGHEST = "highest", _("highest")
    MAIN = "main", _("main")
    SENIOR = "senior", _("senior")
    JUNIOR = "junior", _("junior")


class ClassRank(models.TextChoices):
    """Class ranks of the civil service, from the lowest."""

    JUNIOR_INSPECTOR = "junior_inspector", _("junior inspector")
    INSPECTOR_3 = "inspector_3", _("inspector of the 3rd class")
    INSPECTOR_2 = "inspector_2", _("inspector of the 2nd class")
    INSPECTOR_1 = "inspector_1", _("inspector of the 1st class")
    ADVISER_3 = "adviser_3", _("adviser of the 3rd class")
    ADVISER_2 = "adviser_2", _("adviser of the 2nd class")
    ADVISER_1 = "adviser_1", _("adviser of the 1st class")
    COUNSELLOR_3 = "counsellor_3", _("state counsellor of the 3rd class")
    COUNSELLOR_2 = "counsellor_2", _("state counsellor of the 2nd class")
    COUNSELLOR_1 = "counsellor_1", _("state counsellor of the 1st class")
