from django.db import models
from django.utils.translation import gettext_lazy as _


class Counter(models.Model):
    """The last number given in one series in one calendar year (see documents.numbering)."""

    series = models.CharField(_("series"), max_length=100)
    year = models.PositiveIntegerField(_("year"))
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("registration counter")
        verbose_name_plural = _("registration counters")
        constraints = [models.UniqueConstraint(fields=["series", "year"], name="documents_counter_series_year")]

    def __str__(self):
        return f"{self.series} {self.year}: {self.last_number}"


class CalendarException(models.Model):
    """A day the Government's decree makes different from the usual calendar: a day off moved onto
    a weekday (``is_working`` false), or a weekend day made a working day (``is_working`` true)."""

    date = models.DateField(_("date"), unique=True)
    is_working = models.BooleanField(
        _("working day"), default=False, help_text=_("Ticked: a working day; empty: a day off.")
    )
    basis = models.CharField(_("basis"), max_length=500, help_text=_("The decree that moves the day."))

    class Meta:
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")
        ordering = ["-date"]

    def __str__(self):
        kind = _("working day") if self.is_working else _("day off")
        return f"{self.date:%d.%m.%Y}: {kind}"


from documents.instructions.models import (  # noqa: E402  the instructions' models belong to this app
    ExtensionRequest,
    Instruction,
    InstructionReminder,
    Report,
)

__all__ = ["CalendarException", "Counter", "ExtensionRequest", "Instruction", "InstructionReminder", "Report"]
