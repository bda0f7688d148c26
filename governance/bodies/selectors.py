"""Reads that the services and the members' portal share: who sits on a body on a day, what is
wrong with its composition, the quorum of a meeting and of an item, who may vote on an item."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from documents.instructions.models import Instruction
from governance.access.roles import ROLES_BY_CODE
from governance.bodies.enums import (
    COLLEGIUM_EX_OFFICIO,
    COLLEGIUM_SIZE,
    BodyKind,
    MemberRole,
    Outcome,
    QuorumRule,
    VotingRule,
)
from governance.bodies.models import AgendaItem, Body, Decision, Meeting, Membership


def meeting_day(meeting: Meeting) -> datetime.date:
    return timezone.localdate(meeting.starts_at)


def members_on(body: Body, day: datetime.date) -> QuerySet:
    return Membership.objects.active_on(day).filter(body=body).select_related("user")


def membership_of(user, body: Body, day: datetime.date) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return members_on(body, day).filter(user=user).first()


def composition_problems(body: Body, day: datetime.date | None = None) -> list[str]:
    """What is wrong with the body's composition on ``day``, in the reader's language; empty when valid."""
    day = day or timezone.localdate()
    members = list(members_on(body, day))
    problems = []
    chairs = [m for m in members if m.role == MemberRole.CHAIR]
    if len(chairs) != 1:
        problems.append(_("The body must have exactly one chair; it has %(count)d.") % {"count": len(chairs)})
    if len({m.user_id for m in members}) != len(members):
        problems.append(_("A person holds two seats in the body."))
    if body.kind == BodyKind.COLLEGIUM:
        if len(members) != COLLEGIUM_SIZE:
            problems.append(
                _("The collegium must have exactly %(size)d members; it has %(count)d.")
                % {"size": COLLEGIUM_SIZE, "count": len(members)}
            )
        if sum(m.represents_government_office for m in members) != 1:
            problems.append(_("Exactly one member must represent the Government Office."))
        seated = {m.post for m in members if m.basis == "ex_officio"}
        for post in COLLEGIUM_EX_OFFICIO:
            if post not in seated:
                problems.append(
                    _("A post that sits on the collegium by right has no seat: %(post)s.") % {"post": post_name(post)}
                )
    return problems


def post_name(code: str) -> str:
    spec = ROLES_BY_CODE.get(code)
    if spec is None:
        return code
    return spec.name_ru if (get_language() or "ky")[:2] == "ru" else spec.name_ky


def previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(body=meeting.body, status="held", starts_at__lt=meeting.starts_at)
        .order_by("-starts_at")
        .first()
    )


@dataclass(frozen=True)
class Quorum:
    members: int  # members of the body on the day, less those recused from the item
    present: int  # of them, present
    rule: str

    @property
    def reached(self) -> bool:
        if self.members == 0:
            return False
        if self.rule == QuorumRule.TWO_THIRDS:
            return self.present * 3 >= self.members * 2
        return self.present * 2 > self.members

    @property
    def needed(self) -> int:
        if self.rule == QuorumRule.TWO_THIRDS:
            return -(-self.members * 2 // 3)
        return self.members // 2 + 1


def member_ids(meeting: Meeting) -> set[int]:
    return set(members_on(meeting.body, meeting_day(meeting)).values_list("user_id", flat=True))


def present_ids(meeting: Meeting) -> set[int]:
    return set(meeting.attendance.filter(present=True).values_list("user_id", flat=True)) & member_ids(meeting)


def recused_ids(item: AgendaItem) -> set[int]:
    return set(item.declarations.values_list("user_id", flat=True))


def quorum(meeting: Meeting, item: AgendaItem | None = None) -> Quorum:
    members, present = member_ids(meeting), present_ids(meeting)
    if item is not None:
        recused = recused_ids(item)
        members, present = members - recused, present - recused
    return Quorum(members=len(members), present=len(present), rule=meeting.body.quorum_rule)


def eligible_voter_ids(item: AgendaItem) -> set[int]:
    """Members present at the meeting and not recused from the item."""
    return present_ids(item.meeting) - recused_ids(item)


def my_bodies(user) -> QuerySet:
    day = timezone.localdate()
    return Body.objects.filter(memberships__in=Membership.objects.active_on(day).filter(user=user)).distinct()


def upcoming_meetings(user) -> QuerySet:
    return (
        Meeting.objects.filter(body__in=my_bodies(user), starts_at__gte=timezone.now() - datetime.timedelta(hours=12))
        .exclude(status="cancelled")
        .select_related("body")
        .order_by("starts_at")
    )


def recent_meetings(user) -> QuerySet:
    return (
        Meeting.objects.filter(body__in=my_bodies(user), starts_at__lt=timezone.now() - datetime.timedelta(hours=12))
        .select_related("body")
        .order_by("-starts_at")
    )


def meeting_page(meeting_id: int) -> Meeting:
    return (
        Meeting.objects.select_related("body")
        .prefetch_related(
            "items__materials",
            "items__declarations__user",
            "items__polls",
            "items__rapporteur",
            "items__decision",
            "invitees",
        )
        .get(pk=meeting_id)
    )


def my_open_vote(poll, user) -> str:
    if poll.secret:
        return ""
    return poll.open_votes.filter(voter=user).values_list("choice", flat=True).first() or ""


def has_voted(poll, user) -> bool:
    if poll.secret:
        return poll.participations.filter(voter=user).exists()
    return poll.open_votes.filter(voter=user).exists()


def counted_receipts(poll) -> list[str]:
    """After a secret vote closes, the receipt codes of the counted ballots (never their choices)."""
    if not poll.secret or poll.is_open:
        return []
    return list(poll.ballots.order_by("receipt").values_list("receipt", flat=True))


def open_votes(poll) -> list:
    """After an open vote closes, who voted how; nothing while it is open."""
    if poll.secret or poll.is_open:
        return []
    return list(poll.open_votes.select_related("voter").order_by("voter__last_name", "voter__first_name"))


def _name(user) -> str:
    return user.get_full_name().strip() or user.get_username()


def _both(choices, value) -> dict:
    label = dict(choices.choices)[value]
    result = {}
    for language in ("ky", "ru"):
        with translation.override(language):
            result[language] = str(label)
    return result


def minutes_record(meeting: Meeting) -> dict:
    """What the minutes print, in both languages, as the meeting stands: frozen in the minutes when drafted."""
    day = meeting_day(meeting)
    memberships = list(members_on(meeting.body, day))
    present = present_ids(meeting)
    whole = quorum(meeting)
    chair = next((m.user for m in memberships if m.role == MemberRole.CHAIR), None)
    secretary = next((m.user for m in memberships if m.role == MemberRole.SECRETARY), None)
    items = []
    for item in meeting.items.prefetch_related("declarations__user", "polls").select_related("decision"):
        polls = []
        for poll in item.polls.all():
            if poll.is_open:
                continue
            link = {}
            for language in ("ky", "ru"):
                with translation.override(language):
                    link[language] = str(poll.who_could_link())
            polls.append(
                {
                    "secret": poll.secret,
                    "for": poll.votes_for,
                    "against": poll.votes_against,
                    "abstain": poll.abstentions,
                    "rule": _both(VotingRule, poll.voting_rule),
                    "outcome": _both(Outcome, poll.outcome),
                    "casting_vote": poll.casting_vote_used,
                    "link": link,
                }
            )
        decision = getattr(item, "decision", None)
        items.append(
            {
                "position": item.position,
                "title": {"ky": item.title_ky, "ru": item.title_ru},
                "recused": [_name(d.user) for d in item.declarations.all()],
                "polls": polls,
                "decision": {
                    "number": decision.number_display,
                    "text": {"ky": decision.text_ky, "ru": decision.text_ru},
                }
                if decision is not None and decision.number_display
                else None,
            }
        )
    return {
        "body": {"ky": meeting.body.name_ky, "ru": meeting.body.name_ru},
        "date": f"{timezone.localtime(meeting.starts_at):%d.%m.%Y %H:%M}",
        "place": meeting.place or meeting.online_link,
        "present": [_name(m.user) for m in memberships if m.user_id in present],
        "absent": [_name(m.user) for m in memberships if m.user_id not in present],
        "invited": [str(invitee) for invitee in meeting.invitees.all()],
        "quorum": {"members": whole.members, "present": whole.present, "reached": whole.reached},
        "items": items,
        "chair": _name(chair) if chair else "",
        "secretary": _name(secretary) if secretary else "",
    }


@dataclass(frozen=True)
class ExecutionLine:
    decision: object
    instruction: object
    overdue: bool


def execution_report(meeting: Meeting) -> list[ExecutionLine]:
    """The instructions on the body's decisions registered before this meeting, overdue ones first."""
    decisions = {
        d.pk: d
        for d in Decision.objects.filter(
            item__meeting__body=meeting.body, item__meeting__starts_at__lt=meeting.starts_at, number__isnull=False
        )
    }
    if not decisions:
        return []
    today = timezone.localdate()
    instructions = Instruction.objects.filter(
        subject_type=ContentType.objects.get_for_model(Decision), subject_id__in=list(decisions)
    ).select_related("executor")
    lines = [ExecutionLine(decisions[i.subject_id], i, i.is_overdue(today)) for i in instructions]
    return sorted(lines, key=lambda line: (not line.overdue, line.instruction.deadline))
