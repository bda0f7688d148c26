"""Every change in a collegial body: members, meetings, attendance, conflicts of interest, polls
and votes. Each service asks the policy, validates, writes in one transaction, and logs."""

import datetime
import random
import secrets
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from documents import notices, numbering, registration, workdays
from documents.instructions.enums import OPEN as OPEN_INSTRUCTIONS
from documents.instructions.enums import DeadlineUnit, InstructionStatus
from documents.instructions.models import Instruction
from documents.instructions.services import instruction_accept, instruction_create, instruction_report
from governance.access import objects, policy
from governance.agency.languages import InLanguage
from governance.bodies import selectors
from governance.bodies.enums import (
    DECISION_LIFECYCLE,
    RECOMMENDATION_LIFECYCLE,
    RUNS_MEETINGS,
    Basis,
    BodyKind,
    Choice,
    DecisionStatus,
    MeetingStatus,
    MemberRole,
    MinutesStatus,
    Outcome,
    PollStatus,
    RecommendationStatus,
    VotingRule,
)
from governance.bodies.models import (
    AgendaItem,
    Attendance,
    Body,
    Decision,
    Declaration,
    Invitee,
    Material,
    Meeting,
    Membership,
    Minutes,
    MinutesRemark,
    OpenVote,
    Poll,
    Recommendation,
    SecretBallot,
    SecretParticipation,
)
from governance.staff.enums import ActionKind
from governance.staff.models import PostHolding

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def _log(instance, action: str, actor, **data) -> None:
    log(instance=instance, action=action, user=actor, data=data or None)


@transaction.atomic
def body_create(
    *, actor, kind: str, code: str, name_ky: str, name_ru: str, term_start: datetime.date, **fields
) -> Body:
    policy.require(actor, "bodies.add_body")
    body = Body(kind=kind, code=code, name_ky=name_ky, name_ru=name_ru, term_start=term_start, **fields)
    body.full_clean()
    body.save()
    _log(body, "wagtail.create", actor)
    return body


def _seat(body: Body, user, actor, **fields) -> Membership:
    """Write a seat after checking it, and grant its holder the right to read the body."""
    membership = Membership(body=body, user=user, **fields)
    membership.full_clean()
    overlapping = Membership.objects.filter(body=body, user=user).exclude(ends_on__lt=membership.starts_on)
    if membership.ends_on is not None:
        overlapping = overlapping.exclude(starts_on__gt=membership.ends_on)
    if overlapping.exists():
        raise ValidationError(_("This person already sits on the body for these dates."))
    membership.save()
    objects.grant(user, "bodies.view_body", body)
    _log(body, "bodies.member_join", actor, user=user.pk, role=membership.role, starts_on=str(membership.starts_on))
    return membership


def _unseat(membership: Membership, ends_on: datetime.date, actor) -> Membership:
    """Set the seat's last day; once it has passed, the holder's right to read the body goes with it,
    unless another seat on the same body is in force."""
    membership.ends_on = ends_on
    membership.full_clean()
    membership.save(update_fields=["ends_on"])
    today = timezone.localdate()
    others = Membership.objects.filter(body=membership.body, user=membership.user).exclude(pk=membership.pk)
    if ends_on < today and not others.active_on(today).exists():
        objects.revoke(membership.user, "bodies.view_body", membership.body)
    _log(membership.body, "bodies.member_leave", actor, user=membership.user_id, ends_on=str(ends_on))
    return membership


@transaction.atomic
def membership_add(
    *,
    actor,
    body: Body,
    user,
    role: str = MemberRole.MEMBER,
    basis: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    post: str = "",
    position=None,
    basis_act: str = "",
    represents_government_office: bool = False,
) -> Membership:
    """Seat ``user`` on ``body``; the seat gives the right to read the body's meetings and materials.
    An ex officio seat that names a ``position`` follows its holder (``seats_follow_posts``)."""
    policy.require(actor, "bodies.change_body", body)
    if basis == Basis.EX_OFFICIO and not post:
        raise ValidationError({"post": _("An ex officio member sits by a post: name it.")})
    return _seat(
        body,
        user,
        actor,
        role=role,
        basis=basis,
        starts_on=starts_on,
        ends_on=ends_on,
        post=post,
        position=position,
        basis_act=basis_act,
        represents_government_office=represents_government_office,
    )


@transaction.atomic
def membership_end(*, actor, membership: Membership, ends_on: datetime.date) -> Membership:
    """The member's last day on the body: from the day after, the rights on its meetings are gone."""
    policy.require(actor, "bodies.change_body", membership.body)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    return _unseat(membership, ends_on, actor)


def _holds(user, position, day: datetime.date) -> bool:
    """Whether ``user`` holds ``position`` on ``day`` by the post history (acting does not count)."""
    return PostHolding.objects.on(day).filter(position=position, acting=False, employee__user=user).exists()


@transaction.atomic
def seats_follow_posts(*, action, actor) -> None:
    """A personnel action took effect (a signed order): the ex officio seats tied to a position
    follow it. The holder who leaves the position loses the seat from the day the post ends; a new
    holder of a position whose seat is free, or held by someone who no longer holds it, takes the
    seat from the action's date, with the same role. The signing of the order authorises both."""
    employee, day = action.employee, action.date
    if employee.user_id is None:
        return
    if action.kind in (ActionKind.DISMISSAL, ActionKind.TRANSFER):
        last = day if action.kind == ActionKind.DISMISSAL else day - datetime.timedelta(days=1)
        seats = (
            Membership.objects.select_for_update()
            .filter(basis=Basis.EX_OFFICIO, user_id=employee.user_id, position__isnull=False, starts_on__lte=last)
            .exclude(ends_on__lte=last)
            .select_related("body", "user")
        )
        for seat in seats:
            if not _holds(employee.user, seat.position_id, last + datetime.timedelta(days=1)):
                _unseat(seat, last, actor)
    if action.kind not in (ActionKind.APPOINTMENT, ActionKind.TRANSFER):
        return
    seated = Membership.objects.filter(basis=Basis.EX_OFFICIO, position_id=action.position_id)
    for body in Body.objects.filter(pk__in=seated.values("body")).exclude(term_end__lt=day):
        latest = (
            seated.select_for_update().filter(body=body).select_related("user").order_by("-starts_on", "-pk").first()
        )
        if latest.ends_on is None or latest.ends_on >= day:
            if latest.user_id == employee.user_id or latest.starts_on >= day:
                continue
            if _holds(latest.user, action.position_id, day):
                continue  # a position with several units: its seat stays with who still holds it
            _unseat(latest, day - datetime.timedelta(days=1), actor)
        if Membership.objects.filter(body=body, user_id=employee.user_id).exclude(ends_on__lt=day).exists():
            continue  # already seated otherwise: the composition shows the post without its seat
        _seat(
            body,
            employee.user,
            actor,
            role=latest.role,
            basis=Basis.EX_OFFICIO,
            post=latest.post,
            position_id=action.position_id,
            represents_government_office=latest.represents_government_office,
            starts_on=day,
            basis_act=action.basis()[:300],  # the signed order, or the external act on a nomenclature post
        )


@transaction.atomic
def meeting_schedule(
    *,
    actor,
    body: Body,
    starts_at: datetime.datetime,
    place: str = "",
    online_link: str = "",
    items: Sequence[tuple[str, str, object]] = (),
) -> Meeting:
    """Plan a meeting; its agenda opens with the approval of the previous meeting's minutes."""
    policy.require(actor, "bodies.schedule", body)
    meeting = Meeting(body=body, starts_at=starts_at, place=place, online_link=online_link)
    meeting.full_clean()
    meeting.save()
    previous = selectors.previous_meeting(meeting)
    position = 1
    if previous is not None:
        day = selectors.meeting_day(previous)
        AgendaItem.objects.create(
            meeting=meeting,
            position=position,
            title_ky=f"{day:%d.%m.%Y} жыйындын протоколун бекитүү",
            title_ru=f"Об утверждении протокола заседания от {day:%d.%m.%Y}",
            approves_minutes_of=previous,
        )
        position += 1
    for offset, (title_ky, title_ru, rapporteur) in enumerate(items):
        item = AgendaItem(
            meeting=meeting, position=position + offset, title_ky=title_ky, title_ru=title_ru, rapporteur=rapporteur
        )
        item.full_clean()
        item.save()
    _log(meeting, "wagtail.create", actor)
    return meeting


def _planned(meeting: Meeting) -> Meeting:
    """The meeting, locked, if it is still planned; a clear refusal otherwise."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting was cancelled."))
    if meeting.status != MeetingStatus.PLANNED:
        raise ValidationError(_("The meeting has already been held."))
    return meeting


def _tell_members(meeting: Meeting, actor, message, *, runners_only: bool = False, **params) -> None:
    """A notice to every member of the body on the meeting's day (or only to its chair and
    secretary), with a link to the meeting in the member's own language (their admin language)."""
    seats = selectors.members_on(meeting.body, selectors.meeting_day(meeting))
    if runners_only:
        seats = seats.filter(role__in=RUNS_MEETINGS)
    by_language = {}
    for membership in seats.select_related("user__wagtail_userprofile"):
        by_language.setdefault(notices.language_of(membership.user), []).append(membership.user)
    for language, members in by_language.items():
        # the portal is on the public site, under the reader's language prefix
        with translation.override(language):
            url = reverse("members:meeting", args=(meeting.pk,))
        notices.notify(
            recipients=members,
            message=message,
            params={"body": meeting.body, "date": f"{timezone.localtime(meeting.starts_at):%d.%m.%Y}", **params},
            url=url,
            actor=actor,
        )


@transaction.atomic
def item_add(*, actor, meeting: Meeting, title_ky: str, title_ru: str, rapporteur=None) -> AgendaItem:
    """Add an item at the end of a planned meeting's agenda; after the agenda was sent, the item is
    marked as a late change and the members are told."""
    policy.require(actor, "bodies.schedule", meeting.body)
    meeting = _planned(meeting)
    title_ky, title_ru = title_ky.strip(), title_ru.strip()
    if not (title_ky and title_ru):
        raise ValidationError(_("Give the item's title in both Kyrgyz and Russian."))
    position = (meeting.items.aggregate(last=Max("position"))["last"] or 0) + 1
    item = AgendaItem(meeting=meeting, position=position, title_ky=title_ky, title_ru=title_ru, rapporteur=rapporteur)
    item.full_clean()
    item.save()
    _log(meeting, "bodies.item_add", actor, item=item.pk)
    if meeting.agenda_sent_at:
        _tell_members(
            meeting,
            actor,
            _("An item was added to the agenda of %(body)s of %(date)s after it was sent: “%(title)s”."),
            title=InLanguage(item, "title"),
        )
    return item


@transaction.atomic
def material_add(*, actor, item: AgendaItem, title: str, file) -> Material:
    """Attach a material to an item of a meeting not cancelled; after the agenda was sent, it is
    marked as a late change and the members are told."""
    policy.require(actor, "bodies.schedule", item.meeting.body)
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=item.meeting_id)
    if meeting.status == MeetingStatus.CANCELLED:  # handed out at the meeting itself: a late change too
        raise ValidationError(_("The meeting was cancelled."))
    material = Material(item=item, title=title, file=file)
    material.full_clean()
    material.save()
    _log(meeting, "bodies.material_add", actor, item=item.pk)
    if meeting.agenda_sent_at:
        _tell_members(
            meeting,
            actor,
            _("A material was added to the agenda of %(body)s of %(date)s after it was sent: “%(title)s”."),
            title=material.title,
        )
    return material


@transaction.atomic
def agenda_send(*, actor, meeting: Meeting) -> Meeting:
    """Send the agenda and materials to the members: each gets a notice with the link to the meeting.
    Sent after the body's number of days before the meeting, it is marked as late."""
    policy.require(actor, "bodies.schedule", meeting.body)
    meeting = _planned(meeting)
    if meeting.agenda_sent_at:
        raise ValidationError(_("The agenda has already been sent; later changes reach the members by themselves."))
    if not meeting.items.exists():
        raise ValidationError(_("The agenda has no items yet."))
    meeting.agenda_sent_at = timezone.now()
    meeting.save(update_fields=["agenda_sent_at"])
    _log(meeting, "bodies.agenda_send", actor, late=meeting.agenda_sent_late)
    _tell_members(meeting, actor, _("The agenda of %(body)s of %(date)s is sent to you: read it and its materials."))
    return meeting


@transaction.atomic
def meeting_cancel(*, actor, meeting: Meeting, reason_ky: str, reason_ru: str) -> Meeting:
    """Cancel a planned meeting, with the reason in both languages; the members are told."""
    policy.require(actor, "bodies.schedule", meeting.body)
    meeting = _planned(meeting)
    reasons = {"cancel_reason_ky": reason_ky.strip(), "cancel_reason_ru": reason_ru.strip()}
    missing = {field: _("Give the reason in both Kyrgyz and Russian.") for field, text in reasons.items() if not text}
    if missing:
        raise ValidationError(missing)
    for field, text in reasons.items():
        setattr(meeting, field, text)
    meeting.status = MeetingStatus.CANCELLED
    meeting.save(update_fields=["status", *reasons])
    _log(meeting, "bodies.cancel", actor, **reasons)
    message = _("The meeting of %(body)s of %(date)s is cancelled: %(reason)s")
    _tell_members(meeting, actor, message, reason=InLanguage(meeting, "cancel_reason"))
    return meeting


@transaction.atomic
def invitee_add(*, actor, meeting: Meeting, name: str, post: str = "", item: AgendaItem | None = None) -> Invitee:
    """Invite someone who is not a member to a planned meeting, or to one of its items."""
    policy.require(actor, "bodies.schedule", meeting.body)
    meeting = _planned(meeting)
    if item is not None and item.meeting_id != meeting.pk:
        raise ValidationError({"item": _("The item belongs to another meeting.")})
    invitee = Invitee(meeting=meeting, name=name.strip(), post=post.strip(), item=item)
    if not invitee.name:
        raise ValidationError({"name": _("Give the invitee's name.")})
    invitee.full_clean()
    invitee.save()
    _log(meeting, "bodies.invitee_add", actor, name=invitee.name)
    return invitee


def _require_valid_composition(meeting: Meeting) -> None:
    problems = selectors.composition_problems(meeting.body, selectors.meeting_day(meeting))
    if problems:
        raise ValidationError([_("The meeting cannot be held: the composition of the body is not valid."), *problems])


@transaction.atomic
def attendance_register(*, actor, meeting: Meeting, present: Iterable) -> Meeting:
    """Record who of the members is present; the meeting is then being held."""
    policy.require(actor, "bodies.run_meeting", meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting was cancelled."))
    _require_valid_composition(meeting)
    members = selectors.member_ids(meeting)
    present_ids = {getattr(user, "pk", user) for user in present}
    if not present_ids <= members:
        raise ValidationError(_("Only members of the body are registered as present."))
    for user_id in members:
        Attendance.objects.update_or_create(
            meeting=meeting, user_id=user_id, defaults={"present": user_id in present_ids}
        )
    meeting.status = MeetingStatus.HELD
    meeting.save(update_fields=["status"])
    _log(meeting, "bodies.attendance", actor, present=sorted(present_ids))
    return meeting


@transaction.atomic
def declaration_add(*, actor, item: AgendaItem, reason: str, user=None) -> Declaration:
    """A member declares a conflict of interest on an item (or the secretary records it): recused from it."""
    user = user or actor
    if user != actor:
        policy.require(actor, "bodies.run_meeting", item.meeting)
    else:
        policy.require(actor, "bodies.declare", item)
    if user.pk not in selectors.member_ids(item.meeting):
        raise ValidationError(_("Only a member of the body declares a conflict of interest."))
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the conflict of interest is.")})
    if item.polls.exists():
        raise ValidationError(_("A vote on this item has begun: declare before the vote."))
    if item.declarations.filter(user=user).exists():
        raise ValidationError(_("This conflict of interest is already declared."))
    declaration = Declaration.objects.create(item=item, user=user, reason=reason.strip())
    _log(item.meeting, "bodies.declare", actor, item=item.pk, user=user.pk)
    return declaration


@transaction.atomic
def poll_open(*, actor, item: AgendaItem, secret: bool = False) -> Poll:
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=item.meeting_id)
    policy.require(actor, "bodies.run_meeting", meeting)
    _require_valid_composition(meeting)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Register the attendance before opening a vote."))
    if not selectors.quorum(meeting, item).reached:
        raise ValidationError(_("There is no quorum on this item: a vote cannot be opened."))
    if item.polls.filter(status=PollStatus.OPEN).exists():
        raise ValidationError(_("A vote on this item is already open."))
    poll = Poll.objects.create(item=item, secret=secret, opened_at=timezone.now(), opened_by=actor)
    _log(poll, "bodies.poll_open", actor, item=item.pk, secret=secret)
    return poll


def _receipt() -> str:
    return "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(10))


@transaction.atomic
def vote_cast(*, actor, poll: Poll, choice: str) -> str:
    """Record the member's vote. Returns the receipt code of a secret ballot ("" for an open vote)."""
    policy.require(actor, "bodies.vote", poll)
    poll = Poll.objects.select_for_update().select_related("item__meeting__body").get(pk=poll.pk)
    if choice not in Choice.values:
        raise ValidationError(_("Choose for, against or abstain."))
    if not poll.is_open:
        raise ValidationError(_("The vote is closed."))
    item = poll.item
    if actor.pk in selectors.recused_ids(item):
        raise ValidationError(_("You declared a conflict of interest on this item: you do not vote on it."))
    if actor.pk not in selectors.present_ids(item.meeting):
        raise ValidationError(_("Only members present at the meeting vote."))
    if not poll.secret:
        OpenVote.objects.update_or_create(poll=poll, voter=actor, defaults={"choice": choice})
        _log(poll, "bodies.vote", actor, choice=choice)
        return ""
    if SecretParticipation.objects.filter(poll=poll, voter=actor).exists():
        raise ValidationError(_("Your secret ballot is already cast and cannot be changed."))
    try:
        with transaction.atomic():
            SecretParticipation.objects.create(poll=poll, voter=actor)
    except IntegrityError:
        raise ValidationError(_("Your secret ballot is already cast and cannot be changed.")) from None
    receipt = _receipt()
    SecretBallot.objects.create(poll=poll, choice=choice, receipt=receipt, cast_on=timezone.localdate())
    _log(poll, "bodies.vote", actor)  # that the member voted, never how
    return receipt


def _outcome(poll: Poll, counts: dict, members: int, eligible: int) -> tuple[str, bool]:
    body = poll.item.meeting.body
    votes_for, against = counts[Choice.FOR], counts[Choice.AGAINST]
    if body.voting_rule == VotingRule.ALL_MAJORITY:
        adopted = votes_for * 2 > members
    elif body.voting_rule == VotingRule.TWO_THIRDS:
        adopted = eligible > 0 and votes_for * 3 >= eligible * 2
    else:
        adopted = votes_for * 2 > eligible
    casting = False
    if not adopted and body.chair_casting_vote and not poll.secret and votes_for == against and votes_for:
        chair = selectors.members_on(body, selectors.meeting_day(poll.item.meeting)).filter(role=MemberRole.CHAIR)
        chair_vote = poll.open_votes.filter(voter__in=chair.values("user")).values_list("choice", flat=True).first()
        if chair_vote == Choice.FOR:
            adopted = casting = True
    return (Outcome.ADOPTED if adopted else Outcome.REJECTED), casting


def _reshuffle(poll: Poll) -> None:
    """Write the ballots again in a random order under new keys: what order the rows were stored in
    no longer follows the order in which members voted."""
    ballots = list(poll.ballots.values_list("choice", "receipt"))
    random.SystemRandom().shuffle(ballots)
    poll.ballots.all().delete()
    day = timezone.localdate()
    SecretBallot.objects.bulk_create(
        SecretBallot(poll=poll, choice=choice, receipt=receipt, cast_on=day) for choice, receipt in ballots
    )


@transaction.atomic
def poll_close(*, actor, poll: Poll) -> Poll:
    """Close the vote, count it by the body's rule and freeze the result."""
    policy.require(actor, "bodies.run_meeting", poll.item.meeting)
    poll = Poll.objects.select_for_update().select_related("item__meeting__body").get(pk=poll.pk)
    if not poll.is_open:
        raise ValidationError(_("The vote is closed."))
    item = poll.item
    if poll.secret:
        _reshuffle(poll)
        rows = poll.ballots.values_list("choice", flat=True)
    else:
        rows = poll.open_votes.values_list("choice", flat=True)
    counts = dict.fromkeys(Choice.values, 0)
    for choice in rows:
        counts[choice] += 1
    members = len(selectors.member_ids(item.meeting) - selectors.recused_ids(item))
    eligible = len(selectors.eligible_voter_ids(item))
    outcome, casting = _outcome(poll, counts, members, eligible)
    poll.status = PollStatus.CLOSED
    poll.closed_at = timezone.now()
    poll.voting_rule = item.meeting.body.voting_rule
    poll.members, poll.eligible = members, eligible
    poll.votes_for, poll.votes_against, poll.abstentions = (
        counts[Choice.FOR],
        counts[Choice.AGAINST],
        counts[Choice.ABSTAIN],
    )
    poll.outcome, poll.casting_vote_used = outcome, casting
    poll.save()
    _log(poll, "bodies.poll_close", actor, outcome=outcome, **counts)
    return poll


# Decisions and minutes: registered through the record kit (documents/registration.py).


@transaction.atomic
def decision_draft(*, actor, item: AgendaItem, text_ky: str, text_ru: str, poll: Poll | None = None, order=None):
    """The secretary writes the decision on an item, in both languages; it may name the order it leads to."""
    policy.require(actor, "bodies.run_meeting", item.meeting)
    if poll is not None and (poll.item_id != item.pk or poll.is_open):
        raise ValidationError(_("A decision follows a closed vote on its own item."))
    if not text_ky.strip() or not text_ru.strip():
        raise ValidationError(_("The decision needs its Kyrgyz and Russian texts."))
    decision = Decision.objects.filter(item=item).first() or Decision(item=item)
    if decision.is_registered:
        raise decision.registration.error()
    decision.text_ky, decision.text_ru, decision.poll, decision.order = text_ky.strip(), text_ru.strip(), poll, order
    decision.full_clean()
    decision.save()
    _log(item.meeting, "bodies.decision_draft", actor, item=item.pk)
    return decision


@registration.atomic_with_files
def decision_register(*, actor, decision: Decision) -> Decision:
    """Number the decision in its body's series for the year and freeze it, with its extract .docx."""
    meeting = decision.item.meeting
    policy.require(actor, "bodies.run_meeting", meeting)
    decision = (
        Decision.objects.select_for_update(of=("self",))
        .select_related("item__meeting__body", "poll")
        .get(pk=decision.pk)
    )
    DECISION_LIFECYCLE.check("register", decision)
    if decision.poll is None or decision.poll.outcome != Outcome.ADOPTED:
        raise ValidationError(_("Only a decision that the vote adopted is registered."))
    if not decision.text_ky or not decision.text_ru:
        raise ValidationError(_("The decision needs its Kyrgyz and Russian texts."))
    today = timezone.localdate()
    decision.status = DecisionStatus.REGISTERED
    decision.registered_on = today
    decision.year = today.year

    def take_number(record: Decision) -> None:
        record.number = numbering.next_number(meeting.body.numbering_key, today.year)
        record.number_display = f"{record.number}"

    registration.register(decision, take_number=take_number, file_name=f"decision-{decision.pk}.docx")
    _log(decision, "bodies.decision_register", actor, number=decision.number_display)
    return decision


@transaction.atomic
def decision_instruct(*, actor, decision: Decision, text: str, executor, controller, deadline: datetime.date):
    """An instruction of the shared engine that carries out a registered decision."""
    if not decision.is_registered:
        raise ValidationError(_("Register the decision before giving instructions on it."))
    return instruction_create(
        actor=actor,
        title=str(decision),
        text=text,
        executor=executor,
        controller=controller,
        deadline=deadline,
        subject=decision,
    )


@transaction.atomic
def minutes_draft(*, actor, meeting: Meeting) -> Minutes:
    """The secretary drafts the minutes from the meeting's record; drafting again refreshes them."""
    meeting = Meeting.objects.select_for_update().select_related("body").get(pk=meeting.pk)
    policy.require(actor, "bodies.run_meeting", meeting)
    if meeting.status != MeetingStatus.HELD:
        raise ValidationError(_("Minutes are drafted for a meeting that was held."))
    if Poll.objects.filter(item__meeting=meeting, status=PollStatus.OPEN).exists():
        raise ValidationError(_("Close every vote before drafting the minutes."))
    minutes = Minutes.objects.filter(meeting=meeting).first() or Minutes(meeting=meeting)
    if minutes.is_registered:
        raise minutes.registration.error()
    minutes.content = selectors.minutes_record(meeting)
    minutes.chair = minutes.secretary = None
    minutes.chair_signed_at = minutes.secretary_signed_at = None
    minutes.save()
    _log(meeting, "bodies.minutes_draft", actor)
    return minutes


@transaction.atomic
def minutes_remark(*, actor, minutes: Minutes, text: str) -> MinutesRemark:
    """A member of the body remarks on the draft minutes; the chair and the secretary are told."""
    minutes = Minutes.objects.select_for_update().select_related("meeting__body").get(pk=minutes.pk)
    meeting = minutes.meeting
    policy.require(actor, "bodies.view_meeting", meeting)
    if actor.pk not in selectors.member_ids(meeting):
        raise ValidationError(_("Only a member of the body remarks on its minutes."))
    if minutes.is_registered:
        raise ValidationError(_("The minutes are signed: remarks are taken before signing."))
    remark = MinutesRemark(minutes=minutes, author=actor, text=text.strip())
    if not remark.text:
        raise ValidationError({"text": _("Write the remark.")})
    remark.full_clean()
    remark.save()
    _log(meeting, "bodies.minutes_remark", actor)
    message = _("%(member)s made a remark on the draft minutes of %(body)s of %(date)s.")
    _tell_members(meeting, actor, message, runners_only=True, member=actor.get_full_name() or actor.get_username())
    return remark


@registration.atomic_with_files
def minutes_sign(*, actor, minutes: Minutes) -> Minutes:
    """The chair and the secretary each sign; the second signature numbers and freezes the minutes."""
    minutes = Minutes.objects.select_for_update().select_related("meeting__body").get(pk=minutes.pk)
    meeting = minutes.meeting
    policy.require(actor, "bodies.run_meeting", meeting)
    if minutes.is_registered:
        raise minutes.registration.error()
    membership = selectors.membership_of(actor, meeting.body, timezone.localdate())
    now = timezone.now()
    if membership.role == MemberRole.CHAIR:
        minutes.chair, minutes.chair_signed_at = actor, now
    else:
        minutes.secretary, minutes.secretary_signed_at = actor, now
    if minutes.chair_id is None or minutes.secretary_id is None:
        minutes.save()
        _log(meeting, "bodies.minutes_sign", actor)
        return minutes
    minutes.status = MinutesStatus.SIGNED
    minutes.year = now.year

    def take_number(record: Minutes) -> None:
        record.number = numbering.next_number(f"{meeting.body.numbering_key}:minutes", now.year)

    registration.register(minutes, take_number=take_number, file_name=f"minutes-{minutes.pk}.docx")
    _log(meeting, "bodies.minutes_sign", actor, number=minutes.number)
    return minutes


# The Public Council's recommendations and the agency's responses.

RESPONDERS = ("chairman", "deputy_chairman", "state_secretary")


def _both(fields: dict) -> None:
    missing = {name: _("Give the text in both Kyrgyz and Russian.") for name, text in fields.items() if not text}
    if missing:
        raise ValidationError(missing)


def _response_deadline(recommendation: Recommendation) -> datetime.date:
    """The council's number of days after adoption, counted by the shared engine's calendar."""
    body = recommendation.body
    unit = DeadlineUnit.WORKING_DAYS if body.response_working_days else DeadlineUnit.CALENDAR_DAYS
    return workdays.compute_deadline(base=recommendation.adopted_on, count=body.response_days, unit=unit)


def _response_under_control(recommendation: Recommendation) -> Instruction | None:
    """The agency's response as an instruction of the shared engine: the chairman answers, the
    state secretary controls. A response already late when recorded is due the same day."""
    executor = objects.users_with_roles(["chairman"]).order_by("pk").first()
    controller = objects.users_with_roles(["state_secretary"]).order_by("pk").first()
    if executor is None or controller is None:
        return None
    body = recommendation.body
    if recommendation.response_due_on >= timezone.localdate():
        deadline = {
            "days": body.response_days,
            "working_days": body.response_working_days,
            "base": recommendation.adopted_on,
        }
    else:
        deadline = {"deadline": timezone.localdate()}
    return instruction_create(
        actor=controller,
        subject=recommendation,
        # The title names the recommendation by its number only: whoever reads the instructions
        # (the records office) does not thereby read the council's text.
        title=str(
            _("The response to the Public Council's recommendation № %(number)s")
            % {"number": recommendation.number_display}
        ),
        text=str(
            _("Give the agency's response to the recommendation of %(council)s: what it decided and what it did.")
            % {"council": body.name()}
        ),
        executor=executor,
        controller=controller,
        **deadline,
    )


def _response_given(recommendation: Recommendation, actor) -> None:
    """The response is the report on the instruction, and giving it ends the instruction as done."""
    instructions = Instruction.objects.for_subject(recommendation).filter(status__in=OPEN_INSTRUCTIONS)
    for instruction in instructions.select_related("executor", "controller"):
        if instruction.status == InstructionStatus.ISSUED:
            instruction = instruction_report(
                instruction=instruction, actor=instruction.executor, text=recommendation.response()
            )
        name = actor.get_full_name() or actor.get_username()
        instruction_accept(
            instruction=instruction,
            actor=instruction.controller,
            comment=str(_("The agency's response was given by %(name)s.") % {"name": name}),
        )


@transaction.atomic
def recommendation_save(*, actor, recommendation: Recommendation) -> Recommendation:
    """Record a recommendation the Public Council adopted (numbered per council and year, the
    response due in the council's ``response_days``, under control as an instruction), or correct
    one the agency has not answered yet; the chairman, the deputies and the state secretary are
    told of a new one. A correction leaves the deadline under control where it is: it moves by an
    extension of the instruction."""
    body = recommendation.body
    policy.require(actor, "bodies.schedule", body)
    if body.kind != BodyKind.PUBLIC_COUNCIL:
        raise ValidationError({"body": _("Only the Public Council adopts recommendations.")})
    if recommendation.meeting_id and recommendation.meeting.body_id != body.pk:
        raise ValidationError({"meeting": _("The meeting is not one of this council's.")})
    for field in ("subject_ky", "subject_ru", "text_ky", "text_ru"):
        setattr(recommendation, field, getattr(recommendation, field).strip())
    _both({field: getattr(recommendation, field) for field in ("subject_ky", "subject_ru", "text_ky", "text_ru")})
    if recommendation.adopted_on and recommendation.adopted_on > timezone.localdate():
        raise ValidationError({"adopted_on": _("A recommendation cannot be adopted in the future.")})
    new = recommendation.pk is None
    if not new:
        current = Recommendation.objects.select_for_update().get(pk=recommendation.pk)
        if current.status != RecommendationStatus.ADOPTED or current.body_id != body.pk:
            raise ValidationError(_("An answered recommendation is not changed."))
        recommendation.response_due_on = current.response_due_on
    if new:
        recommendation.response_due_on = _response_deadline(recommendation)
        recommendation.year = recommendation.adopted_on.year
        recommendation.number = numbering.next_number(recommendation.numbering_key, recommendation.year)
    recommendation.full_clean()
    recommendation.save()
    _log(recommendation, "wagtail.create" if new else "wagtail.edit", actor)
    if new:
        _response_under_control(recommendation)
        notices.notify(
            recipients=objects.users_with_roles(RESPONDERS),
            message=_("The Public Council recommends: “%(subject)s”. The agency's response is due by %(due)s."),
            params={
                "subject": InLanguage(recommendation, "subject"),
                "due": f"{recommendation.response_due_on:%d.%m.%Y}",
            },
            url=reverse("wagtailsnippets_bodies_recommendation:inspect", args=(recommendation.pk,)),
            actor=actor,
        )
    return recommendation


def _recommendation(action: str, recommendation: Recommendation, actor) -> Recommendation:
    recommendation = Recommendation.objects.select_for_update().select_related("body").get(pk=recommendation.pk)
    RECOMMENDATION_LIFECYCLE.check(action, recommendation)
    policy.require(actor, RECOMMENDATION_LIFECYCLE.policy_action(action), recommendation)
    return recommendation


@transaction.atomic
def recommendation_answer(*, actor, recommendation: Recommendation, response_ky: str, response_ru: str):
    """The agency's response, in both languages: what it decided and what it did."""
    recommendation = _recommendation("answer", recommendation, actor)
    texts = {"response_ky": response_ky.strip(), "response_ru": response_ru.strip()}
    _both(texts)
    for field, text in texts.items():
        setattr(recommendation, field, text)
    recommendation.answered_by = actor
    recommendation.answered_on = timezone.localdate()
    recommendation.status = RecommendationStatus.ANSWERED
    recommendation.save()
    _log(recommendation, RECOMMENDATION_LIFECYCLE.log_action("answer"), actor)
    _response_given(recommendation, actor)
    council = selectors.members_on(recommendation.body, timezone.localdate()).filter(role__in=RUNS_MEETINGS)
    notices.notify(
        recipients=[membership.user for membership in council],
        message=_("The agency answered the recommendation № %(number)s: “%(subject)s”."),
        params={"number": recommendation.number_display, "subject": InLanguage(recommendation, "subject")},
        url=reverse("wagtailsnippets_bodies_recommendation:inspect", args=(recommendation.pk,)),
        actor=actor,
    )
    return recommendation


@transaction.atomic
def recommendation_close(*, actor, recommendation: Recommendation) -> Recommendation:
    """The council accepts the response: the recommendation leaves the list under control."""
    recommendation = _recommendation("close", recommendation, actor)
    recommendation.status = RecommendationStatus.CLOSED
    recommendation.save(update_fields=["status"])
    _log(recommendation, RECOMMENDATION_LIFECYCLE.log_action("close"), actor)
    return recommendation


@transaction.atomic
def recommendation_publish(*, actor, recommendation: Recommendation) -> Recommendation:
    """Publish the recommendation with the agency's response on the public site, in both languages."""
    recommendation = _recommendation("publish", recommendation, actor)
    recommendation.published_at = timezone.now()
    recommendation.save(update_fields=["published_at"])
    _log(recommendation, RECOMMENDATION_LIFECYCLE.log_action("publish"), actor)
    return recommendation
