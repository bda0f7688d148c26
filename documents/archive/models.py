"""The nomenclature of files (номенклатура дел), case files by heading and year, the records filed
in them, legal holds, and acts of destruction.

A record of any module is filed as a ``FiledRecord`` row that names it by app label, model and
primary key and keeps a frozen description in both languages: this app imports no module above it,
and the description outlives the record when the case file is destroyed.
"""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from documents.archive.enums import ActStatus, CaseStatus


class FileHeading(models.Model):
    """One heading of the nomenclature of files: an index, a title, who keeps it and for how long."""

    year = models.PositiveSmallIntegerField(_("year of the nomenclature"))
    index = models.CharField(_("index"), max_length=20, help_text=_("As in the nomenclature, e.g. 02-05."))
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=300)
    title_ru = models.CharField(_("title (Russian)"), max_length=300)
    subdivision = models.CharField(_("subdivision"), max_length=300)
    permanent = models.BooleanField(_("kept permanently"), default=False)
    retention_years = models.PositiveSmallIntegerField(_("retention period, years"), null=True, blank=True)
    authority = models.CharField(
        _("article of the list of retention periods"),
        max_length=300,
        help_text=_("The article of the list of standard documents with their retention periods that sets the period."),
    )

    class Meta:
        ordering = ["year", "index"]
        verbose_name = _("nomenclature heading")
        verbose_name_plural = _("nomenclature of files")
        constraints = [
            models.UniqueConstraint(fields=["year", "index"], name="archive_heading_unique_index"),
            # Either kept permanently or for a number of years, never both, never neither.
            models.CheckConstraint(
                condition=Q(permanent=True, retention_years__isnull=True) | Q(permanent=False, retention_years__gte=1),
                name="archive_heading_retention",
            ),
        ]

    def __str__(self):
        return f"{self.index} {self.title_ky}"

    @property
    def title(self) -> str:
        from django.utils.translation import get_language

        return self.title_ru if get_language() == "ru" else self.title_ky


class CaseFileQuerySet(models.QuerySet):
    def due_on(self, on: datetime.date):
        """Case files whose retention has ended by ``on`` and that no legal hold keeps: the year
        closed, then the retention years counted from the first of January after it."""
        return (
            self.filter(status=CaseStatus.KEPT, heading__permanent=False)
            .filter(year__lte=on.year - 1 - models.F("heading__retention_years"))
            .exclude(pk__in=LegalHold.objects.active_on(on).values("case_id"))
        )


class CaseFile(models.Model):
    """A case file (дело): the records of one heading in one year."""

    heading = models.ForeignKey(FileHeading, on_delete=models.PROTECT, related_name="cases", verbose_name=_("heading"))
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(_("status"), max_length=20, choices=CaseStatus.choices, default=CaseStatus.KEPT)

    objects = CaseFileQuerySet.as_manager()

    class Meta:
        ordering = ["year", "heading__index"]
        verbose_name = _("case file")
        verbose_name_plural = _("case files")
        constraints = [models.UniqueConstraint(fields=["heading", "year"], name="archive_case_unique_year")]

    def __str__(self):
        return f"{self.heading.index}/{self.year} {self.heading.title_ky}"

    @property
    def destroy_from(self) -> datetime.date | None:
        """The first day on which the case file may be destroyed; None when kept permanently."""
        if self.heading.permanent:
            return None
        return datetime.date(self.year + 1 + self.heading.retention_years, 1, 1)


def filed_path(record, filename):
    return f"archive/{record.case.year}/{record.case_id}/{filename}"


class FiledRecord(models.Model):
    """A record filed in a case file: which record, and its description frozen at filing."""

    case = models.ForeignKey(CaseFile, on_delete=models.PROTECT, related_name="records", verbose_name=_("case file"))
    app_label = models.CharField(_("module"), max_length=100)
    model = models.CharField(_("kind of record"), max_length=100)
    object_pk = models.CharField(_("record"), max_length=64)
    number = models.CharField(_("registration number"), max_length=60, blank=True)
    date = models.DateField(_("date"))
    description_ky = models.TextField(_("description (Kyrgyz)"))
    description_ru = models.TextField(_("description (Russian)"))
    file = models.FileField(_("file"), upload_to=filed_path, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64, blank=True)
    filed_at = models.DateTimeField(_("filed"))
    # Set when the case file is destroyed: the file is gone, the description stays.
    destroyed_in = models.ForeignKey(
        "DestructionAct",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="records",
        verbose_name=_("act of destruction"),
    )

    class Meta:
        ordering = ["case", "date", "pk"]
        verbose_name = _("filed record")
        verbose_name_plural = _("filed records")
        constraints = [
            models.UniqueConstraint(fields=["app_label", "model", "object_pk"], name="archive_record_filed_once")
        ]

    def __str__(self):
        return f"{self.number or self.object_pk} {self.description_ky[:80]}"


class LegalHoldQuerySet(models.QuerySet):
    def active_on(self, on: datetime.date):
        return self.filter(starts_on__lte=on).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on))


class LegalHold(models.Model):
    """A legal hold: the case file is kept, whatever its retention says, while the hold lasts."""

    case = models.ForeignKey(CaseFile, on_delete=models.PROTECT, related_name="holds", verbose_name=_("case file"))
    reason = models.TextField(_("reason"))
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("placed by")
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty: until lifted."))

    objects = LegalHoldQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "pk"]
        verbose_name = _("legal hold")
        verbose_name_plural = _("legal holds")

    def __str__(self):
        return f"{self.case} ({self.starts_on:%d.%m.%Y})"


def act_path(act, filename):
    return f"archive/acts/{filename}"


class DestructionAct(models.Model):
    """An act of destruction: proposed by the records officer, approved by the expert commission's
    chair. It keeps the descriptions of the destroyed records (through ``records``) and its .docx."""

    number = models.CharField(_("number"), max_length=30, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ActStatus.choices, default=ActStatus.PROPOSED)
    cases = models.ManyToManyField(CaseFile, related_name="destruction_acts", verbose_name=_("case files"))
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("proposed by")
    )
    proposed_on = models.DateField(_("proposed"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    file = models.FileField(_("act (.docx)"), upload_to=act_path, blank=True)
    sha256 = models.CharField(_("SHA-256 of the act"), max_length=64, blank=True)

    class Meta:
        ordering = ["-proposed_on", "-pk"]
        verbose_name = _("act of destruction")
        verbose_name_plural = _("acts of destruction")

    def __str__(self):
        return str(_("Act of destruction %(number)s")) % {"number": self.number or f"#{self.pk}"}
