import pgtrigger
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from governance.agency.languages import in_language


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


class Notice(models.Model):
    """Something that landed on a user's desk, as the dashboard shows it (see documents.notices)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="notices"
    )
    text_ky = models.CharField(_("text (Kyrgyz)"), max_length=500)
    text_ru = models.CharField(_("text (Russian)"), max_length=500)
    url = models.CharField(_("address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.text()

    def text(self, language: str | None = None) -> str:
        return in_language(self, "text", language)


class NoticePreference(models.Model):
    """Whether a user also receives notices by e-mail (they always see them on the dashboard)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="notice_preference"
    )
    email = models.BooleanField(_("Send me notices by e-mail"), default=True)

    class Meta:
        verbose_name = _("notice preference")
        verbose_name_plural = _("notice preferences")

    def __str__(self):
        return str(self.user)


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


from documents.instructions.models import (  # noqa: E402  the instructions' models belong to this app
    ExtensionRequest,
    Instruction,
    InstructionReminder,
    Report,
)

__all__ = [
    "AuditChainError",
    "AuditEntry",
    "CalendarException",
    "Counter",
    "ExtensionRequest",
    "Instruction",
    "InstructionReminder",
    "Notice",
    "NoticePreference",
    "Report",
]
