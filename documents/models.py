import pgtrigger
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


class AuditEntry(models.Model):
    """One link of the audit chain (see documents.audit): a copy of a Wagtail log entry of a
    chained action, with the digest of the link before it. Never changed, never deleted."""

    sequence = models.PositiveBigIntegerField(_("sequence"), unique=True)
    log_entry_id = models.PositiveBigIntegerField(_("log entry"), db_index=True)
    action = models.CharField(_("action"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=255)
    object_id = models.CharField(_("object"), max_length=255)
    label = models.TextField(_("label"))
    user_id = models.PositiveBigIntegerField(_("user"), null=True)
    timestamp = models.DateTimeField(_("time"))
    data = models.JSONField(_("data"), default=dict)
    previous_digest = models.CharField(_("previous digest"), max_length=64)
    digest = models.CharField(_("digest"), max_length=64, unique=True)

    class Meta:
        verbose_name = _("audit chain entry")
        verbose_name_plural = _("audit chain entries")
        ordering = ["sequence"]
        triggers = [
            # On PostgreSQL the database itself refuses to change or remove a link.
            pgtrigger.Protect(name="audit_entry_append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def __str__(self):
        return f"#{self.sequence} {self.action} {self.content_type}:{self.object_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AuditChainError(_("An audit chain entry is never changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditChainError(_("An audit chain entry is never deleted."))


class AuditChainError(RuntimeError):
    pass
