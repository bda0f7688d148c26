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
