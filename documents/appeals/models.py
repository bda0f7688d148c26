from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from documents.appeals.enums import Kind, Sender, Status


class DeadlineRule(models.Model):
    """The terms the law sets for an appeal, from a date on: a change of the law is a new row."""

    effective_from = models.DateField(_("in force from"), unique=True)
    registration_days = models.PositiveSmallIntegerField(_("registration, working days"), default=1)
    answer_days = models.PositiveSmallIntegerField(_("answer, working days"))
    basis_ky = models.CharField(_("basis (Kyrgyz)"), max_length=300)
    basis_ru = models.CharField(_("basis (Russian)"), max_length=300)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("deadline rule for appeals")
        verbose_name_plural = _("deadline rules for appeals")

    def __str__(self):
        return f"{self.basis} ({self.effective_from:%d.%m.%Y})"

    @property
    def basis(self) -> str:
        return self.basis_ru if translation.get_language() == "ru" else self.basis_ky


class Appeal(index.Indexed, models.Model):
    number = models.CharField(_("registration number"), max_length=30, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sender = models.CharField(_("sender"), max_length=20, choices=Sender.choices)
    anonymous = models.BooleanField(
        _("I do not give my name"),
        default=False,
        help_text=_(
            "An anonymous appeal is registered and its status can be followed with the private link, "
            "but the law lets the Service leave it unconsidered."
        ),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=300, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    postal_address = models.CharField(_("postal address"), max_length=300, blank=True)
    language = models.CharField(_("language"), max_length=2)
    text = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED)
    received_at = models.DateTimeField(_("received"))
    registered_on = models.DateField(_("registered"))
    rule = models.ForeignKey(DeadlineRule, on_delete=models.PROTECT, verbose_name=_("deadline rule"))
    deadline = models.DateField(_("answer due"))
    extended_to = models.DateField(_("extended to"), null=True, blank=True)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    forwarded_to = models.CharField(_("forwarded to"), max_length=300, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_on = models.DateField(_("answered"), null=True, blank=True)
    unconsidered_reason = models.TextField(_("reason for leaving it unconsidered"), blank=True)
    unconsidered_on = models.DateField(_("left unconsidered on"), null=True, blank=True)
    # The status link's token is shown once to the sender; only its SHA-256 is kept.
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    # A keyed digest of the sender's network address, for the flood limit; never the address.
    address_digest = models.CharField(max_length=64, db_index=True, editable=False)

    # The sender writes in either language: the text is indexed as written.
    search_fields = [
        index.SearchField("number", boost=2),
        index.SearchField("name", boost=2),
        index.SearchField("organisation"),
        index.SearchField("text"),
        index.FilterField("id"),
    ]

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self):
        return self.number

    def clean(self):
        errors = {}
        if self.anonymous:
            if self.name.strip():
                errors["name"] = _("You chose not to give your name: leave this field empty.")
            if self.sender == Sender.ORGANISATION:
                errors["sender"] = _("An organisation's appeal is not anonymous: it names the organisation.")
        else:
            if not self.name.strip():
                errors["name"] = _("Give your name, or choose not to give it.")
            if not self.email:
                errors["email"] = _("Give an e-mail address for the answer.")
        if errors:
            raise ValidationError(errors)

    @property
    def signed_by(self) -> str:
        """Who signed the appeal, as the records office reads it."""
        return self.name or str(_("anonymous"))

    @property
    def due(self):
        return self.extended_to or self.deadline

    @property
    def overdue(self) -> bool:
        from documents.appeals.enums import OPEN

        return self.status in OPEN and self.due < timezone.localdate()


def _attachment_path(instance, filename):
    return f"appeals/{instance.appeal.received_at:%Y}/{instance.appeal.number.replace('/', '-')}/{filename}"


class AppealAttachment(models.Model):
    appeal = models.ForeignKey(Appeal, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=_attachment_path)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    digest = models.CharField(max_length=64)

    def __str__(self):
        return self.name


class AppealPoint(models.Model):
    """One question or demand the appeal raises, as the records office reads it: the answer must
    say how each one is answered before it is approved."""

    appeal = models.ForeignKey(Appeal, on_delete=models.PROTECT, related_name="points", verbose_name=_("appeal"))
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))

    class Meta:
        ordering = ["appeal", "number"]
        verbose_name = _("point of an appeal")
        verbose_name_plural = _("points of an appeal")
        constraints = [models.UniqueConstraint(fields=["appeal", "number"], name="appeals_unique_point_number")]

    def __str__(self):
        return f"{self.number}. {self.text[:80]}"
