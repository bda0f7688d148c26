"""International agreements (statute clause 6(2)): the parties, the stage, the signatory, the dates
and terms, the texts in each language, the negotiation rounds, the dated timeline of events and
the domestic steps each agreement needs."""

import datetime
import uuid
from pathlib import PurePath

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from governance.agency.languages import in_language
from governance.agreements.enums import PUBLISHED, AgreementKind, EventKind, PartyKind, SignatoryKind, Stage
from search.fields import STEMS_FIELD, language_field, stems_of

FILE_EXTENSIONS = ["docx", "odt", "pdf", "rtf", "txt"]


def file_path(record, filename: str) -> str:
    """An unguessable name: the files are served through views that ask the policy, never by their URL."""
    extension = PurePath(filename).suffix.lower()
    return f"agreements/{uuid.uuid4().hex}{extension if extension[1:] in FILE_EXTENSIONS else ''}"


class AgreementQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        """Public agreements in force: what the public site and the open-data API list."""
        return self.filter(is_public=True, stage__in=PUBLISHED)


class Agreement(index.Indexed, models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind.choices)
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=500)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    subject_ky = models.TextField(_("subject (Kyrgyz)"), blank=True)
    subject_ru = models.TextField(_("subject (Russian)"), blank=True)
    stage = models.CharField(
        _("stage"), max_length=16, choices=Stage.choices, default=Stage.CONSULTATIONS, editable=False
    )
    signatory_kind = models.CharField(
        _("signatory"), max_length=12, choices=SignatoryKind.choices, default=SignatoryKind.CHAIRMAN
    )
    signatory_name = models.CharField(_("signatory's name and post"), max_length=300, blank=True)
    signatory_authority = models.CharField(
        _("authority to sign"),
        max_length=500,
        blank=True,
        help_text=_("The act that authorises another person to sign: its name, date and number."),
    )
    place_of_signature = models.CharField(_("place of signature"), max_length=200, blank=True)
    signed_on = models.DateField(_("signed on"), null=True, blank=True, editable=False)
    in_force_on = models.DateField(_("in force from"), null=True, blank=True, editable=False)
    ended_on = models.DateField(_("ended on"), null=True, blank=True, editable=False)
    requires_ratification = models.BooleanField(_("needs ratification or approval"), default=False)
    duration_months = models.PositiveIntegerField(
        _("duration in months"), null=True, blank=True, help_text=_("Empty: concluded for an indefinite period.")
    )
    automatic_renewal = models.BooleanField(_("renewed automatically"), default=False)
    renewal_months = models.PositiveIntegerField(_("each renewal, in months"), null=True, blank=True)
    notice_days = models.PositiveIntegerField(
        _("notice period in days"),
        null=True,
        blank=True,
        help_text=_("How long before the end a party must notify that it will not renew or denounces."),
    )
    depositary = models.CharField(_("depositary"), max_length=300, blank=True)
    authentic_languages = models.CharField(
        _("authentic languages"), max_length=200, help_text=_("E.g. Kyrgyz, Russian, English.")
    )
    is_public = models.BooleanField(
        _("public"), default=True, help_text=_("A public agreement in force is listed on the site with its texts.")
    )
    subdivision = models.ForeignKey(
        "structure.Subdivision",
        verbose_name=_("responsible subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    search_fields = [
        language_field("title_ky", boost=2),
        language_field("title_ru", boost=2),
        language_field("subject_ky"),
        language_field("subject_ru"),
        index.SearchField(STEMS_FIELD),
        index.FilterField("id"),
        index.FilterField("is_public"),
        index.FilterField("stage"),
        index.FilterField("signed_on"),
        index.FilterField("in_force_on"),
    ]

    class Meta:
        verbose_name = _("international agreement")
        verbose_name_plural = _("international agreements")
        ordering = ["-signed_on", "-pk"]

    def __str__(self):
        return self.title()

    def title(self, language: str | None = None) -> str:
        return in_language(self, "title", language)

    def subject(self, language: str | None = None) -> str:
        return in_language(self, "subject", language)

    def search_stems(self) -> str:
        """The title's and the subject's words as stems, in each language (search/fields.py)."""
        return stems_of(self, ky=["title_ky", "subject_ky"], ru=["title_ru", "subject_ru"])

    def clean(self):
        if self.signatory_kind == SignatoryKind.AUTHORISED and not self.signatory_name.strip():
            raise ValidationError({"signatory_name": _("Name the authorised person who signs.")})
        if self.automatic_renewal and not self.duration_months:
            raise ValidationError({"automatic_renewal": _("Only an agreement for a fixed period is renewed.")})
        if self.automatic_renewal and not self.renewal_months:
            raise ValidationError({"renewal_months": _("Say for how long each renewal runs.")})

    # Dates that follow from the terms.

    def expires_on(self, today: datetime.date | None = None) -> datetime.date | None:
        """The end of the current period: after the first period, each automatic renewal in turn
        until one ends on or after ``today``; None for an indefinite agreement or one not in force."""
        if self.in_force_on is None or not self.duration_months:
            return None
        end = self.in_force_on + relativedelta(months=self.duration_months) - datetime.timedelta(days=1)
        if self.automatic_renewal and today is not None:
            while end < today:
                end = end + relativedelta(months=self.renewal_months)
        return end

    def notice_deadline(self, today: datetime.date | None = None) -> datetime.date | None:
        """The last day to notify the other parties before the current period ends."""
        end = self.expires_on(today)
        if end is None or not self.notice_days:
            return None
        return end - datetime.timedelta(days=self.notice_days)


class Party(models.Model):
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="parties"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=PartyKind.choices)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["pk"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)


class NegotiationRound(models.Model):
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveIntegerField(_("number"))
    date_from = models.DateField(_("first day"))
    date_to = models.DateField(_("last day"))
    place = models.CharField(_("place"), max_length=200)
    outcome = models.TextField(_("outcome"), blank=True)
    record = models.FileField(
        _("record of the round"),
        upload_to=file_path,
        validators=[FileExtensionValidator(FILE_EXTENSIONS)],
        max_length=200,
        blank=True,
    )

    class Meta:
        verbose_name = _("negotiation round")
        verbose_name_plural = _("negotiation rounds")
        ordering = ["agreement", "number"]
        constraints = [models.UniqueConstraint(fields=["agreement", "number"], name="agreements_round_number")]

    def __str__(self):
        return _("Round %(number)s, %(date)s") % {"number": self.number, "date": self.date_from.strftime("%d.%m.%Y")}

    def clean(self):
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("A round cannot end before it begins.")})


class AgreementEvent(models.Model):
    """One dated entry of the agreement's timeline."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="events"
    )
    date = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    note_ky = models.TextField(_("note (Kyrgyz)"), blank=True)
    note_ru = models.TextField(_("note (Russian)"), blank=True)

    class Meta:
        verbose_name = _("event of an agreement")
        verbose_name_plural = _("events of agreements")
        ordering = ["agreement", "date", "pk"]

    def __str__(self):
        return f"{self.date:%d.%m.%Y} {self.get_kind_display()}"

    def note(self, language: str | None = None) -> str:
        return in_language(self, "note", language)


class AgreementText(models.Model):
    """The agreement's text in one language, authentic or an official translation."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="texts"
    )
    language = models.CharField(_("language"), max_length=60, help_text=_("E.g. Kyrgyz, Russian, English."))
    is_authentic = models.BooleanField(_("authentic text"), default=True)
    file = models.FileField(
        _("file"), upload_to=file_path, validators=[FileExtensionValidator(FILE_EXTENSIONS)], max_length=200
    )

    class Meta:
        verbose_name = _("text of an agreement")
        verbose_name_plural = _("texts of agreements")
        ordering = ["agreement", "pk"]

    def __str__(self):
        return f"{self.agreement} — {self.language}"

    @property
    def extension(self) -> str:
        return PurePath(self.file.name).suffix.lower()


class DomesticStep(models.Model):
    """A step the agreement needs at home: an internal procedure, an act to adopt, a notification."""

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="domestic_steps"
    )
    description_ky = models.TextField(_("description (Kyrgyz)"))
    description_ru = models.TextField(_("description (Russian)"))
    due_on = models.DateField(_("due on"), null=True, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        verbose_name = _("domestic step")
        verbose_name_plural = _("domestic steps")
        ordering = ["agreement", "due_on", "pk"]

    def __str__(self):
        return in_language(self, "description")[:80]
