"""A registered document of the correspondence (входящий, исходящий, внутренний документ) and the
versions of its file. Resolutions on it are instructions of the shared engine (subject = the document)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from documents.correspondence.enums import LIFECYCLE, REGISTERED, DraftStatus, Kind, Language, Status
from documents.registration import ChildFile, FrozenChild, FrozenRecordError, RegisteredModel, Registration
from governance.access.objects import direct_permission_models

USER = settings.AUTH_USER_MODEL


def card_path(record, filename: str) -> str:
    """An unguessable name: the card is served only through the admin, which asks the policy."""
    return f"correspondence/cards/{uuid.uuid4().hex}.docx"


def version_path(record, filename: str) -> str:
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"correspondence/files/{uuid.uuid4().hex}.{suffix[:8]}"


class FrozenCorrespondenceError(FrozenRecordError):
    message = _("A registered document cannot be changed: register a new document that follows from it.")


REGISTRATION = Registration(
    statuses=REGISTERED,
    frozen=(
        "kind",
        "year",
        "number",
        "number_display",
        "registered_on",
        "document_date",
        "correspondent",
        "correspondent_number",
        "language",
        "subject",
        "summary",
        "confidential",
        "reply_to",
        "follows_from",
        "appeal",
        "registered_version",
        "approved_by",
        "approved_at",
        "content_sha256",
        "file_sha256",
        "digest_key",
        "document",
    ),
    transitions=LIFECYCLE.transitions,
    canonical="documents.correspondence.canonical.canonical_content",
    renderer="documents.correspondence.docx.card_renderer",
    prefetch=("files",),
    files=(ChildFile("files", file="file", digest="sha256"),),
    error=FrozenCorrespondenceError,
)


class CorrespondenceQuerySet(models.QuerySet):
    def registered(self):
        return self.filter(status=Status.REGISTERED)


class Correspondence(RegisteredModel, index.Indexed):
    """An incoming, outgoing or internal document, numbered per kind and year when registered."""

    registration = REGISTRATION

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    year = models.PositiveIntegerField(_("year"), null=True, editable=False)
    number = models.PositiveIntegerField(_("number"), null=True, editable=False)
    number_display = models.CharField(_("registration number"), max_length=30, blank=True, editable=False)
    registered_on = models.DateField(_("registered on"), null=True, editable=False)
    document_date = models.DateField(_("date of the document"))
    correspondent = models.CharField(
        _("correspondent"), max_length=300, help_text=_("Who sent it, or to whom it is sent.")
    )
    correspondent_number = models.CharField(
        _("correspondent's number"), max_length=60, blank=True, help_text=_("The number the sender gave it.")
    )
    language = models.CharField(_("language of the document"), max_length=2, choices=Language.choices)
    subject = models.CharField(_("subject"), max_length=500, help_text=_("In the document's language."))
    summary = models.TextField(_("summary"), blank=True)
    confidential = models.BooleanField(
        _("confidential"), default=False, help_text=_("Only the people named on the document read it.")
    )
    reply_to = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
    )
    follows_from = models.ForeignKey(
        "self",
        verbose_name=_("follows from"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="followed_by",
    )
    appeal = models.ForeignKey(
        "appeals.Appeal",
        verbose_name=_("answers the appeal"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="answers",
    )
    registered_version = models.PositiveIntegerField(_("registered version"), null=True, editable=False)
    # An answer to an appeal is approved before it is sent; from then on its text and files are frozen.
    approved_by = models.ForeignKey(
        USER, verbose_name=_("approved by"), null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, editable=False)
    created_by = models.ForeignKey(
        USER, verbose_name=_("created by"), null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    content_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    digest_key = models.CharField(max_length=12, blank=True, editable=False)
    state_seal = models.CharField(max_length=64, blank=True, editable=False)
    document = models.FileField(_("registration card"), upload_to=card_path, blank=True, editable=False)

    objects = CorrespondenceQuerySet.as_manager()

    search_fields = [
        index.SearchField("number_display"),
        index.SearchField("subject"),
        index.SearchField("summary"),
        index.SearchField("correspondent"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("year"),
    ]

    class Meta:
        verbose_name = _("document of the correspondence")
        verbose_name_plural = _("correspondence")
        ordering = ["-registered_on", "-number", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "number"], name="correspondence_unique_number"),
        ]
        triggers = REGISTRATION.triggers()

    def __str__(self):
        return f"№ {self.number_display or '—'}: {self.subject[:80]}"

    @property
    def series_key(self) -> str:
        return f"correspondence:{self.kind}"


class CorrespondenceFile(FrozenChild):
    """One uploaded version of the document's file; every upload is kept, the registered one frozen."""

    frozen_with = "correspondence"

    correspondence = models.ForeignKey(
        Correspondence, verbose_name=_("document"), on_delete=models.PROTECT, related_name="files"
    )
    version = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=version_path)
    name = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    uploaded_by = models.ForeignKey(USER, verbose_name=_("uploaded by"), on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
        ordering = ["correspondence", "version"]
        constraints = [
            models.UniqueConstraint(fields=["correspondence", "version"], name="correspondence_unique_version"),
        ]
        triggers = REGISTRATION.child_triggers("correspondence")

    def __str__(self):
        return f"{self.name} (v{self.version})"


class AnswerPoint(FrozenChild):
    """How the answer to an appeal answers one point the appeal raised."""

    frozen_with = "correspondence"

    correspondence = models.ForeignKey(
        Correspondence, verbose_name=_("answer"), on_delete=models.PROTECT, related_name="answer_points"
    )
    point = models.ForeignKey(
        "appeals.AppealPoint", verbose_name=_("point of the appeal"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("how it is answered"))
    answered = models.BooleanField(_("answered"), default=False)

    class Meta:
        verbose_name = _("answer to a point")
        verbose_name_plural = _("answers to the points")
        ordering = ["correspondence", "point__number"]
        constraints = [
            models.UniqueConstraint(fields=["correspondence", "point"], name="correspondence_unique_answer_point"),
        ]
        triggers = REGISTRATION.child_triggers("correspondence")

    def __str__(self):
        return f"{self.point.number}: {self.text[:80]}"


# Named readers of a confidential document hold the object permission view_correspondence.
CorrespondenceUserObjectPermission, CorrespondenceGroupObjectPermission = direct_permission_models(Correspondence)


class ResolutionDraft(models.Model):
    """A resolution drafted by an assistant for a head: it takes effect, as an instruction in the
    head's name, when the head approves it; the head may return it with a remark instead. Either
    decision freezes it."""

    document = models.ForeignKey(
        Correspondence, verbose_name=_("document"), on_delete=models.PROTECT, related_name="resolution_drafts"
    )
    head = models.ForeignKey(
        USER,
        verbose_name=_("head"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Who gives the resolution: it takes effect in their name when they approve it."),
    )
    responsible = models.ForeignKey(
        USER, verbose_name=_("responsible executor"), on_delete=models.PROTECT, related_name="+"
    )
    co_executors = models.ManyToManyField(USER, verbose_name=_("co-executors"), blank=True, related_name="+")
    subdivision = models.ForeignKey(
        "structure.Subdivision",
        verbose_name=_("executor's subdivision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("text of the resolution"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=DraftStatus.choices, default=DraftStatus.DRAFT, editable=False
    )
    remark = models.TextField(_("head's remark"), blank=True, editable=False)
    instruction = models.OneToOneField(
        "documents.Instruction",
        verbose_name=_("resolution"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="resolution_draft",
        editable=False,
    )
    prepared_by = models.ForeignKey(
        USER, verbose_name=_("prepared by"), on_delete=models.PROTECT, related_name="+", editable=False
    )
    decided_by = models.ForeignKey(
        USER,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(_("prepared at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("draft resolution")
        verbose_name_plural = _("draft resolutions")
        ordering = ["created_at", "pk"]
        constraints = [
            # An approved draft names the resolution it became; a returned one says why.
            models.CheckConstraint(
                condition=~models.Q(status=DraftStatus.APPROVED) | models.Q(instruction__isnull=False),
                name="correspondence_approved_draft_has_resolution",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=DraftStatus.RETURNED) | ~models.Q(remark=""),
                name="correspondence_returned_draft_has_remark",
            ),
        ]

    def __str__(self):
        return str(self.document)
