"""Collegial bodies, their members and meetings, agenda items, attendance, conflicts of interest,
polls and votes. State changes go through ``services.py``; reads that pages share, ``selectors.py``.

A secret poll keeps who voted (``SecretParticipation``) apart from what was voted
(``SecretBallot``): no foreign key between them, random UUID keys, ballots ordered by their random
receipt code and dated to the day only (docs/bodies.md).
"""

import datetime
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin

from documents.registration import FrozenRecordError, RegisteredModel, Registration
from governance.access.objects import direct_permission_models
from governance.agency.languages import in_language
from governance.bodies.enums import (
    DECISION_LIFECYCLE,
    Basis,
    BodyKind,
    Choice,
    DecisionStatus,
    MeetingStatus,
    MemberRole,
    MinutesStatus,
    Outcome,
    PollStatus,
    QuorumRule,
    RecommendationStatus,
    VotingRule,
)
from search import kyrgyz
from search.fields import STEMS_FIELD, kyrgyz_stems, language_field, stems_of

MATERIAL_EXTENSIONS = ["docx", "odt", "pdf", "pptx", "txt", "xlsx"]


def material_path(material: "Material", filename: str) -> str:
    """An unguessable name: materials are served only through the members' portal, which asks the policy."""
    extension = PurePath(filename).suffix.lower()
    return f"bodies/materials/{uuid.uuid4().hex}{extension if extension[1:] in MATERIAL_EXTENSIONS else ''}"


class Body(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    name_ky = models.CharField(_("name (Kyrgyz)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    term_start = models.DateField(_("term from"))
    term_end = models.DateField(_("term until"), null=True, blank=True)
    quorum_rule = models.CharField(
        _("quorum"), max_length=20, choices=QuorumRule.choices, default=QuorumRule.MORE_THAN_HALF
    )
    voting_rule = models.CharField(
        _("voting rule"), max_length=20, choices=VotingRule.choices, default=VotingRule.PRESENT_MAJORITY
    )
    chair_casting_vote = models.BooleanField(_("the chair's vote decides a tie"), default=False)
    agenda_days = models.PositiveSmallIntegerField(
        _("agenda sent ahead (days)"),
        default=5,
        help_text=_("How many days before a meeting its agenda and materials reach the members."),
    )
    response_days = models.PositiveSmallIntegerField(
        _("days for the agency's response"),
        default=30,
        validators=[MinValueValidator(1)],
        help_text=_("For the Public Council: how many days the agency has to answer a recommendation."),
    )
    response_working_days = models.BooleanField(
        _("counted in working days"),
        default=False,
        help_text=_("Otherwise in calendar days; a deadline on a day off moves to the next working day."),
    )
    code = models.SlugField(_("code"), max_length=50, unique=True, help_text=_("Used in decision numbers."))

    class Meta:
        verbose_name = _("collegial body")
        verbose_name_plural = _("collegial bodies")
        ordering = ["kind", "name_ky"]

    def __str__(self):
        return self.name()

    def name(self, language: str | None = None) -> str:
        return in_language(self, "name", language)

    @property
    def numbering_key(self) -> str:
        return f"bodies:{self.code}"


BodyUserObjectPermission, BodyGroupObjectPermission = direct_permission_models(Body)


class MembershipQuerySet(models.QuerySet):
    def active_on(self, day):
        return self.filter(starts_on__lte=day).filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))


class Membership(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.PROTECT, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER)
    basis = models.CharField(_("basis"), max_length=20, choices=Basis.choices)
    post = models.SlugField(
        _("post"), max_length=50, blank=True, help_text=_("The post that gives the seat, for an ex officio member.")
    )
    position = models.ForeignKey(
        "structure.Position",
        verbose_name=_("position in the staffing table"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_(
            "For an ex officio seat: when a signed personnel order changes the holder of this position, "
            "the seat passes to the new holder from that date."
        ),
    )
    basis_act = models.CharField(_("act"), max_length=300, blank=True)
    represents_government_office = models.BooleanField(_("represents the Government Office"), default=False)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["body", "starts_on", "pk"]

    def __str__(self):
        return f"{self.user} — {self.body}"

    def clean(self):
        if self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A membership cannot end before it starts.")})
        if self.position_id and self.basis != Basis.EX_OFFICIO:
            raise ValidationError({"position": _("Only an ex officio seat follows a position.")})

    def is_active_on(self, day) -> bool:
        return self.starts_on <= day and (self.ends_on is None or self.ends_on >= day)


class Meeting(models.Model):
    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="meetings")
    starts_at = models.DateTimeField(_("date and time"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED, editable=False
    )
    agenda_sent_at = models.DateTimeField(_("agenda sent"), null=True, blank=True, editable=False)
    cancel_reason_ky = models.TextField(_("reason for cancelling (Kyrgyz)"), blank=True, editable=False)
    cancel_reason_ru = models.TextField(_("reason for cancelling (Russian)"), blank=True, editable=False)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at"]

    def __str__(self):
        return f"{self.body} — {timezone.localtime(self.starts_at):%d.%m.%Y}"

    def clean(self):
        if not self.place and not self.online_link:
            raise ValidationError(_("Give the place of the meeting or its online link."))

    @property
    def agenda_due_on(self) -> datetime.date:
        """The last day the agenda may reach the members: the body's number of days before."""
        return timezone.localdate(self.starts_at) - datetime.timedelta(days=self.body.agenda_days)

    @property
    def agenda_sent_late(self) -> bool:
        return self.agenda_sent_at is not None and timezone.localdate(self.agenda_sent_at) > self.agenda_due_on

    def added_late(self, added_at: datetime.datetime) -> bool:
        """Whether an item or a material came after the agenda had been sent."""
        return self.agenda_sent_at is not None and added_at > self.agenda_sent_at

    def cancel_reason(self, language: str | None = None) -> str:
        return in_language(self, "cancel_reason", language)


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"))
    title_ky = models.CharField(_("title (Kyrgyz)"), max_length=500)
    title_ru = models.CharField(_("title (Russian)"), max_length=500)
    rapporteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("rapporteur"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approves_minutes_of = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [models.UniqueConstraint(fields=["meeting", "position"], name="bodies_item_position_unique")]

    def __str__(self):
        return f"{self.position}. {self.title()}"

    def title(self, language: str | None = None) -> str:
        return in_language(self, "title", language)


class Material(index.Indexed, models.Model):
    item = models.ForeignKey(
        AgendaItem, verbose_name=_("agenda item"), on_delete=models.CASCADE, related_name="materials"
    )
    title = models.CharField(_("title"), max_length=300)
    file = models.FileField(
        _("file"), upload_to=material_path, validators=[FileExtensionValidator(MATERIAL_EXTENSIONS)]
    )
    added_at = models.DateTimeField(_("added"), default=timezone.now, editable=False)

    search_fields = [index.SearchField("title"), index.SearchField(STEMS_FIELD), index.FilterField("id")]

    class Meta:
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        ordering = ["item", "pk"]

    def __str__(self):
        return self.title

    def search_stems(self) -> str:
        """A material's title is written in either language; its Kyrgyz words are kept as stems."""
        return kyrgyz_stems(self, ["title"])


class Invitee(models.Model):
    """Someone invited to a meeting who is not a member: a rapporteur from a subdivision, an expert."""

    meeting = models.ForeignKey(Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="invitees")
    name = models.CharField(_("name"), max_length=200)
    post = models.CharField(_("post and organisation"), max_length=300, blank=True)
    item = models.ForeignKey(
        AgendaItem,
        verbose_name=_("for the agenda item"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitees",
    )

    class Meta:
        verbose_name = _("invitee")
        verbose_name_plural = _("invitees")
        ordering = ["meeting", "pk"]

    def __str__(self):
        return f"{self.name}, {self.post}" if self.post else self.name


class Attendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    present = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="bodies_attendance_unique")]

    def __str__(self):
        return f"{self.user} @ {self.meeting}"


class Declaration(models.Model):
    """A declared conflict of interest on one item: the member is recused from it."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="declarations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("declaration of a conflict of interest")
        verbose_name_plural = _("declarations of conflicts of interest")
        constraints = [models.UniqueConstraint(fields=["item", "user"], name="bodies_declaration_unique")]

    def __str__(self):
        return f"{self.user} / {self.item}"


class Poll(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.PROTECT, related_name="polls")
    secret = models.BooleanField(_("secret"), default=False)
    status = models.CharField(max_length=10, choices=PollStatus.choices, default=PollStatus.OPEN)
    opened_at = models.DateTimeField()
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    closed_at = models.DateTimeField(null=True, blank=True)
    # Frozen at close: the rule used and the result it gave.
    voting_rule = models.CharField(max_length=20, choices=VotingRule.choices, blank=True)
    casting_vote_used = models.BooleanField(default=False)
    members = models.PositiveIntegerField(null=True)
    eligible = models.PositiveIntegerField(null=True)
    votes_for = models.PositiveIntegerField(null=True)
    votes_against = models.PositiveIntegerField(null=True)
    abstentions = models.PositiveIntegerField(null=True)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, blank=True)

    class Meta:
        ordering = ["item", "opened_at", "pk"]
        constraints = [
            # one open poll per item at a time
            models.UniqueConstraint(
                fields=["item"], condition=Q(status=PollStatus.OPEN), name="bodies_one_open_poll_per_item"
            )
        ]

    def __str__(self):
        return str(self.item)

    @property
    def is_open(self) -> bool:
        return self.status == PollStatus.OPEN

    def who_could_link(self) -> str:
        """Who could tell how each member voted: the poll states it, and the minutes print it."""
        if self.secret:
            return _(
                "Nobody: who voted is stored apart from the ballots, which carry no name, no link, "
                "no exact time and no order of casting."
            )
        return _("Every reader of the minutes: an open vote is recorded by name.")


class OpenVote(models.Model):
    """A vote by name: the member may change it while the poll is open."""

    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="open_votes")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField(max_length=10, choices=Choice.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["poll", "voter"], name="bodies_one_open_vote")]

    def __str__(self):
        return f"{self.voter} / {self.poll}"


class SecretParticipation(models.Model):
    """That a member cast a ballot in a secret poll, and nothing of what it said."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="participations")
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["voter"]
        constraints = [models.UniqueConstraint(fields=["poll", "voter"], name="bodies_one_secret_ballot")]

    def __str__(self):
        return f"{self.voter} / {self.poll}"


class SecretBallot(models.Model):
    """What was voted in a secret poll: no voter, no link to the participation, the day only."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    poll = models.ForeignKey(Poll, on_delete=models.PROTECT, related_name="ballots")
    choice = models.CharField(max_length=10, choices=Choice.choices)
    receipt = models.CharField(max_length=16, unique=True)
    cast_on = models.DateField()

    class Meta:
        ordering = ["receipt"]

    def __str__(self):
        return self.receipt


def registered_document_path(record, filename: str) -> str:
    """An unguessable name: served only through the members' portal, which asks the policy."""
    return f"bodies/{type(record).__name__.lower()}/{uuid.uuid4().hex}.docx"


class FrozenDecisionError(FrozenRecordError):
    message = _("A registered decision cannot be changed: the body takes a new decision.")


class FrozenMinutesError(FrozenRecordError):
    message = _("Signed minutes cannot be changed.")


DECISION_REGISTRATION = Registration(
    statuses=frozenset({DecisionStatus.REGISTERED}),
    frozen=(
        "item",
        "poll",
        "year",
        "number",
        "number_display",
        "text_ky",
        "text_ru",
        "registered_on",
        "order",
        "content_sha256",
        "file_sha256",
        "digest_key",
        "document",
    ),
    transitions=DECISION_LIFECYCLE.transitions,
    canonical="governance.bodies.canonical.decision_content",
    renderer="governance.bodies.docx.decision_renderer",
    prefetch=("item__meeting__body",),
    error=FrozenDecisionError,
)


class RegisteredFields(models.Model):
    """What the record kit keeps on a registered row: digests, key, seal and the stored .docx."""

    content_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    file_sha256 = models.CharField(max_length=64, blank=True, editable=False)
    digest_key = models.CharField(max_length=12, blank=True, editable=False)
    state_seal = models.CharField(max_length=64, blank=True, editable=False)
    document = models.FileField(upload_to=registered_document_path, blank=True, editable=False)

    class Meta:
        abstract = True


class Decision(index.Indexed, RegisteredModel, RegisteredFields):
    """The decision on an agenda item, in both languages; numbered per body and year when registered."""

    registration = DECISION_REGISTRATION

    item = models.OneToOneField(AgendaItem, on_delete=models.PROTECT, related_name="decision")
    poll = models.ForeignKey(Poll, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=16, choices=DecisionStatus.choices, default=DecisionStatus.DRAFT)
    text_ky = models.TextField(_("decision (Kyrgyz)"))
    text_ru = models.TextField(_("decision (Russian)"))
    order = models.ForeignKey(
        "orders.Order", verbose_name=_("order"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    year = models.PositiveIntegerField(null=True, editable=False)
    number = models.PositiveIntegerField(null=True, editable=False)
    number_display = models.CharField(max_length=30, blank=True, editable=False)
    registered_on = models.DateField(null=True, editable=False)

    search_fields = [
        language_field("text_ky"),
        language_field("text_ru"),
        index.SearchField("number_display"),
        index.SearchField(STEMS_FIELD),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["item__meeting__starts_at", "item__position"]
        triggers = DECISION_REGISTRATION.triggers()

    def __str__(self):
        return f"№ {self.number_display or '—'} {self.text()[:60]}"

    def text(self, language: str | None = None) -> str:
        return in_language(self, "text", language)

    def search_stems(self) -> str:
        return stems_of(self, ky=["text_ky"], ru=["text_ru"])


MINUTES_REGISTRATION = Registration(
    statuses=frozenset({MinutesStatus.SIGNED}),
    frozen=(
        "meeting",
        "content",
        "year",
        "number",
        "chair",
        "chair_signed_at",
        "secretary",
        "secretary_signed_at",
        "content_sha256",
        "file_sha256",
        "digest_key",
        "document",
    ),
    transitions={"sign": ({MinutesStatus.DRAFT}, {MinutesStatus.SIGNED})},
    canonical="governance.bodies.canonical.minutes_content",
    renderer="governance.bodies.docx.minutes_renderer",
    prefetch=("meeting__body",),
    error=FrozenMinutesError,
)


class Minutes(index.Indexed, RegisteredModel, RegisteredFields):
    """The minutes of a meeting: drafted by the secretary from the meeting's record (``content``),
    read by the members, signed by the chair and the secretary, then numbered and frozen."""

    registration = MINUTES_REGISTRATION

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="minutes")
    status = models.CharField(max_length=16, choices=MinutesStatus.choices, default=MinutesStatus.DRAFT)
    content = models.JSONField(default=dict, editable=False)
    year = models.PositiveIntegerField(null=True, editable=False)
    number = models.PositiveIntegerField(null=True, editable=False)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    chair_signed_at = models.DateTimeField(null=True, editable=False)
    secretary = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+", editable=False
    )
    secretary_signed_at = models.DateTimeField(null=True, editable=False)

    # The minutes are found by their body and the titles of the meeting's agenda items.
    search_fields = [
        index.SearchField("search_text"),
        index.SearchField(STEMS_FIELD),
        index.FilterField("id"),
    ]

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")
        triggers = MINUTES_REGISTRATION.triggers()

    def __str__(self):
        return f"№ {self.number or '—'} {self.meeting}"

    def search_text(self) -> str:
        body = self.meeting.body
        titles = [text for item in self.meeting.items.all() for text in (item.title_ky, item.title_ru)]
        return " ".join([body.name_ky, body.name_ru, *titles])

    def search_stems(self) -> str:
        body = self.meeting.body
        return kyrgyz.index_text(body.name_ky, *(item.title_ky for item in self.meeting.items.all()))


class MinutesRemark(models.Model):
    """A member's remark on the draft minutes, for the secretary to take in before signing."""

    minutes = models.ForeignKey(Minutes, verbose_name=_("minutes"), on_delete=models.CASCADE, related_name="remarks")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("remark"))
    created_at = models.DateTimeField(_("made"), auto_now_add=True)

    class Meta:
        verbose_name = _("remark on the minutes")
        verbose_name_plural = _("remarks on the minutes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text[:80]


class RecommendationQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False, body__kind=BodyKind.PUBLIC_COUNCIL)


class Recommendation(index.Indexed, models.Model):
    """A recommendation of the Public Council to the agency, the agency's response, and whether the
    pair is published on the site. Changes go through ``services.py``."""

    body = models.ForeignKey(Body, verbose_name=_("body"), on_delete=models.PROTECT, related_name="recommendations")
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("adopted at the meeting"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("number"), editable=False)
    adopted_on = models.DateField(_("adopted on"))
    subject_ky = models.CharField(_("subject (Kyrgyz)"), max_length=500)
    subject_ru = models.CharField(_("subject (Russian)"), max_length=500)
    text_ky = models.TextField(_("text (Kyrgyz)"))
    text_ru = models.TextField(_("text (Russian)"))
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.ADOPTED,
        editable=False,
    )
    response_due_on = models.DateField(_("response due"), editable=False)
    response_ky = models.TextField(_("response (Kyrgyz)"), blank=True, editable=False)
    response_ru = models.TextField(_("response (Russian)"), blank=True, editable=False)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    answered_on = models.DateField(_("answered on"), null=True, blank=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)

    objects = RecommendationQuerySet.as_manager()

    search_fields = [
        language_field("subject_ky"),
        language_field("subject_ru"),
        language_field("text_ky"),
        language_field("text_ru"),
        language_field("response_ky"),
        language_field("response_ru"),
        index.SearchField(STEMS_FIELD),
        index.FilterField("id"),
        index.FilterField("published_at"),
        index.FilterField("year"),
        index.FilterField("number"),
        index.FilterField("adopted_on"),
    ]

    class Meta:
        verbose_name = _("recommendation of the Public Council")
        verbose_name_plural = _("recommendations of the Public Council")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["body", "year", "number"], name="bodies_recommendation_number_unique")
        ]

    def __str__(self):
        return f"№ {self.number_display} — {self.subject()}"

    @property
    def number_display(self) -> str:
        return f"{self.number}/{self.year}"

    @property
    def numbering_key(self) -> str:
        return f"bodies:{self.body.code}:recommendations"

    @property
    def overdue(self) -> bool:
        return self.status == RecommendationStatus.ADOPTED and self.response_due_on < timezone.localdate()

    def subject(self, language: str | None = None) -> str:
        return in_language(self, "subject", language)

    def text(self, language: str | None = None) -> str:
        return in_language(self, "text", language)

    def response(self, language: str | None = None) -> str:
        return in_language(self, "response", language)

    def search_stems(self) -> str:
        """The subject's, the text's and the response's words as stems, in each language."""
        return stems_of(self, ky=["subject_ky", "text_ky", "response_ky"], ru=["subject_ru", "text_ru", "response_ru"])
