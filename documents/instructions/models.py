"""An instruction, its reports, its extension requests and the reminders sent about it."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.instructions.enums import (
    OPEN,
    DeadlineUnit,
    ExtensionDecision,
    InstructionStatus,
    ReminderKind,
    ReportDecision,
)

USER = settings.AUTH_USER_MODEL


class InstructionQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN)

    def overdue_on(self, day):
        """Not done by ``day``: still in execution after its (possibly extended) deadline.

        An instruction whose report awaits the controller is with the controller, not late.
        """
        return self.filter(status=InstructionStatus.ISSUED, deadline__lt=day)

    def due_between(self, first, last):
        return self.filter(status__in=OPEN, deadline__range=(first, last))

    def for_subject(self, subject: models.Model):
        return self.filter(subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk)


class Instruction(models.Model):
    """Something ``executor`` must do by ``deadline`` under ``controller``'s control (поручение)."""

    author = models.ForeignKey(USER, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")
    title = models.CharField(_("title"), max_length=300, blank=True)
    text = models.TextField(_("text"))
    subject_type = models.ForeignKey(
        ContentType, verbose_name=_("subject type"), null=True, blank=True, on_delete=models.PROTECT
    )
    subject_id = models.PositiveBigIntegerField(_("subject id"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    executor = models.ForeignKey(
        USER, verbose_name=_("responsible executor"), on_delete=models.PROTECT, related_name="instructions_executing"
    )
    co_executors = models.ManyToManyField(
        USER, verbose_name=_("co-executors"), blank=True, related_name="instructions_co_executing"
    )
    controller = models.ForeignKey(
        USER, verbose_name=_("controller"), on_delete=models.PROTECT, related_name="instructions_controlling"
    )
    # The executor's subdivision, for the discipline report; chosen by the author until staff
    # records link employees to subdivisions.
    subdivision = models.ForeignKey(
        "structure.Subdivision",
        verbose_name=_("executor's subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent instruction"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=InstructionStatus.choices, default=InstructionStatus.ISSUED
    )
    # The rule that computed the first deadline, kept as it was given.
    deadline_unit = models.CharField(_("deadline rule"), max_length=20, choices=DeadlineUnit.choices)
    deadline_base = models.DateField(_("counted from"), null=True, blank=True)
    deadline_days = models.PositiveIntegerField(_("number of days"), null=True, blank=True)
    initial_deadline = models.DateField(_("initial deadline"))
    deadline = models.DateField(_("deadline"), help_text=_("The initial deadline, or the last one granted."))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    closing_comment = models.TextField(_("closing comment"), blank=True)

    objects = InstructionQuerySet.as_manager()

    class Meta:
        verbose_name = _("instruction")
        verbose_name_plural = _("instructions")
        ordering = ["deadline", "pk"]
        indexes = [
            models.Index(fields=["status", "deadline"], name="documents_instr_status_dl"),
            models.Index(fields=["subject_type", "subject_id"], name="documents_instr_subject"),
        ]

    def __str__(self):
        label = self.title or self.text
        return f"№ {self.pk}: {label[:80]}" if self.pk else label[:80]

    def clean(self):
        errors = {}
        if self.deadline and self.initial_deadline and self.deadline < self.initial_deadline:
            errors["deadline"] = _("An extension cannot move the deadline earlier.")
        if self.parent_id and self.parent.deadline and self.deadline and self.deadline > self.parent.deadline:
            errors["deadline"] = _("A sub-instruction cannot be due later than its parent instruction.")
        if self.deadline_unit != DeadlineUnit.FIXED and (self.deadline_base is None or self.deadline_days is None):
            errors["deadline_days"] = _("Give the number of days and the date they are counted from.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def is_overdue(self, day) -> bool:
        return self.status == InstructionStatus.ISSUED and self.deadline < day

    def done_late(self) -> bool:
        return self.status == InstructionStatus.DONE and self.done_on is not None and self.done_on > self.deadline


class Report(models.Model):
    """The responsible executor's report, or a co-executor's contribution to it."""

    instruction = models.ForeignKey(
        Instruction, verbose_name=_("instruction"), on_delete=models.CASCADE, related_name="reports"
    )
    author = models.ForeignKey(USER, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+")
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decision = models.CharField(
        _("decision"), max_length=20, choices=ReportDecision.choices, default=ReportDecision.PENDING
    )
    decided_by = models.ForeignKey(
        USER, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("controller's comment"), blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class ExtensionRequest(models.Model):
    """The executor asks for a later deadline, saying why; the controller grants or refuses."""

    instruction = models.ForeignKey(
        Instruction, verbose_name=_("instruction"), on_delete=models.CASCADE, related_name="extensions"
    )
    requested_by = models.ForeignKey(USER, verbose_name=_("requested by"), on_delete=models.PROTECT, related_name="+")
    requested_deadline = models.DateField(_("requested deadline"))
    previous_deadline = models.DateField(_("deadline before the request"))
    reason = models.TextField(_("reason"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    decision = models.CharField(
        _("decision"), max_length=20, choices=ExtensionDecision.choices, default=ExtensionDecision.PENDING
    )
    decided_by = models.ForeignKey(
        USER, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    comment = models.TextField(_("controller's comment"), blank=True)

    class Meta:
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["instruction"],
                condition=models.Q(decision="pending"),
                name="documents_one_pending_extension",
            )
        ]

    def __str__(self):
        return f"{self.previous_deadline:%d.%m.%Y} → {self.requested_deadline:%d.%m.%Y}"


class InstructionReminder(models.Model):
    """A reminder sent about one deadline, so that a second run on the same day sends nothing."""

    instruction = models.ForeignKey(
        Instruction, verbose_name=_("instruction"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ReminderKind.choices)
    deadline = models.DateField(_("deadline"))
    sent_on = models.DateField(_("sent on"))

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = [
            models.UniqueConstraint(fields=["instruction", "kind", "deadline"], name="documents_reminder_once")
        ]

    def __str__(self):
        return f"{self.instruction_id} {self.kind} {self.deadline}"
