import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, connection, transaction

from governance.access import policy
from governance.bodies import selectors, services
from governance.bodies.enums import Outcome, VotingRule
from governance.bodies.models import OpenVote, SecretBallot, SecretParticipation
from tests.governance.bodies.factories import Collegium

pytestmark = pytest.mark.django_db


def _item(meeting):
    return meeting.items.order_by("position").last()


def test_the_agenda_opens_with_the_approval_of_the_previous_minutes():
    collegium = Collegium()
    first = collegium.held()
    second = collegium.meeting(when=first.starts_at.replace(year=first.starts_at.year + 1))
    items = list(second.items.order_by("position"))
    assert items[0].approves_minutes_of == first
    assert "протокол" in items[0].title_ru and "протоколун бекитүү" in items[0].title_ky
    assert items[1].title_ru == "Первый вопрос"


def test_quorum_is_more_than_half_of_the_members_present():
    collegium = Collegium()
    meeting = collegium.held(present=collegium.members[:3])
    assert selectors.quorum(meeting).reached and selectors.quorum(meeting).needed == 3

    meeting = collegium.held(present=collegium.members[:2])
    assert not selectors.quorum(meeting).reached
    with pytest.raises(ValidationError, match="quorum"):
        services.poll_open(actor=collegium.secretary, item=_item(meeting))
    assert not _item(meeting).polls.exists()


def test_a_recused_member_is_not_counted_toward_the_quorum_of_the_item():
    collegium = Collegium()
    meeting = collegium.held(present=collegium.members[:3])
    item = _item(meeting)
    services.declaration_add(actor=collegium.chair, item=item, reason="Менин тууганым")
    quorum = selectors.quorum(meeting, item)
    assert (quorum.members, quorum.present, quorum.reached) == (4, 2, False)
    assert selectors.quorum(meeting).reached  # the meeting as a whole still has it


def test_a_recused_member_cannot_vote_nor_read_the_items_materials():
    collegium = Collegium()
    meeting = collegium.held()
    item = _item(meeting)
    from django.core.files.base import ContentFile

    material = services.material_add(
        actor=collegium.secretary, item=item, title="Маалымкат", file=ContentFile(b"%PDF", name="a.pdf")
    )
    services.declaration_add(actor=collegium.government, item=item, reason="Кызыкчылыктардын кагылышы")
    assert not policy.can(collegium.government, "bodies.view_material", material)
    assert policy.can(collegium.deputy, "bodies.view_material", material)
    assert not policy.can(collegium.outsider, "bodies.view_material", material)

    poll = services.poll_open(actor=collegium.secretary, item=item)
    with pytest.raises(ValidationError, match="conflict of interest"):
        services.vote_cast(actor=collegium.government, poll=poll, choice="for")
    with pytest.raises(ValidationError, match="before the vote"):
        services.declaration_add(actor=collegium.deputy, item=item, reason="Кеч")
    assert not OpenVote.objects.exists()


def test_each_refusal_leaves_no_vote():
    collegium = Collegium()
    meeting = collegium.held(present=collegium.members[:4])  # the secretary is absent
    poll = services.poll_open(actor=collegium.chair, item=_item(meeting))
    with pytest.raises(PermissionDenied):
        services.vote_cast(actor=collegium.outsider, poll=poll, choice="for")
    with pytest.raises(ValidationError, match="present"):
        services.vote_cast(actor=collegium.secretary, poll=poll, choice="for")
    with pytest.raises(ValidationError):
        services.vote_cast(actor=collegium.chair, poll=poll, choice="maybe")
    with pytest.raises(PermissionDenied):
        services.poll_open(actor=collegium.deputy, item=_item(meeting))  # only the chair or the secretary
    with pytest.raises(PermissionDenied):
        services.poll_close(actor=collegium.deputy, poll=poll)
    services.poll_close(actor=collegium.chair, poll=poll)
    with pytest.raises(ValidationError, match="closed"):
        services.vote_cast(actor=collegium.chair, poll=poll, choice="for")
    assert not OpenVote.objects.exists()


def test_an_open_vote_may_change_while_open_and_the_database_keeps_one_per_member():
    collegium = Collegium()
    poll = services.poll_open(actor=collegium.secretary, item=_item(collegium.held()))
    services.vote_cast(actor=collegium.deputy, poll=poll, choice="against")
    services.vote_cast(actor=collegium.deputy, poll=poll, choice="for")
    assert list(OpenVote.objects.values_list("choice", flat=True)) == ["for"]
    with pytest.raises(IntegrityError), transaction.atomic():
        OpenVote.objects.create(poll=poll, voter=collegium.deputy, choice="against")


def test_a_secret_ballot_is_final_gives_a_receipt_and_the_database_keeps_one_per_member():
    collegium = Collegium()
    poll = services.poll_open(actor=collegium.secretary, item=_item(collegium.held()), secret=True)
    receipt = services.vote_cast(actor=collegium.deputy, poll=poll, choice="for")
    assert len(receipt) == 10
    with pytest.raises(ValidationError, match="cannot be changed"):
        services.vote_cast(actor=collegium.deputy, poll=poll, choice="against")
    assert list(SecretBallot.objects.values_list("choice", "receipt")) == [("for", receipt)]
    with pytest.raises(IntegrityError), transaction.atomic():
        SecretParticipation.objects.create(poll=poll, voter=collegium.deputy)


def test_nothing_in_the_database_links_a_secret_ballot_to_its_voter():
    collegium = Collegium()
    poll = services.poll_open(actor=collegium.secretary, item=_item(collegium.held()), secret=True)
    for member, choice in zip(collegium.members, ["for", "for", "against", "abstain", "for"], strict=True):
        services.vote_cast(actor=member, poll=poll, choice=choice)
    services.poll_close(actor=collegium.secretary, poll=poll)

    ballot_fields = {field.name for field in SecretBallot._meta.get_fields()}
    assert ballot_fields == {"id", "poll", "choice", "receipt", "cast_on"}  # no voter, no participation, no time
    assert not any(f.is_relation and f.related_model is SecretParticipation for f in SecretBallot._meta.get_fields())
    # Try to join them by what they share besides the poll: keys, the order of storage, the time.
    ballots = SecretBallot._meta.db_table
    participations = SecretParticipation._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {ballots} b JOIN {participations} p ON b.id = p.id")  # noqa: S608
        assert cursor.fetchone()[0] == 0
    assert len({b.cast_on for b in SecretBallot.objects.all()}) == 1  # the day only, the same for all


def test_after_close_the_counted_receipts_are_listed_and_the_result_is_frozen():
    collegium = Collegium()
    poll = services.poll_open(actor=collegium.secretary, item=_item(collegium.held()), secret=True)
    receipts = [services.vote_cast(actor=m, poll=poll, choice="for") for m in collegium.members[:3]]
    assert poll.ballots.count() == 3
    poll = services.poll_close(actor=collegium.secretary, poll=poll)
    assert sorted(poll.ballots.values_list("receipt", flat=True)) == sorted(receipts)
    assert (poll.votes_for, poll.votes_against, poll.eligible, poll.outcome) == (3, 0, 5, Outcome.ADOPTED)
    assert poll.voting_rule == VotingRule.PRESENT_MAJORITY
    assert "Nobody" in poll.who_could_link()


@pytest.mark.parametrize(
    ("rule", "casting", "choices", "outcome"),
    [
        (VotingRule.PRESENT_MAJORITY, False, ["for", "for", "for", "against"], Outcome.ADOPTED),
        (VotingRule.PRESENT_MAJORITY, False, ["for", "for", "against", "abstain"], Outcome.REJECTED),
        (VotingRule.ALL_MAJORITY, False, ["for", "for", "abstain", "abstain"], Outcome.REJECTED),
        (VotingRule.ALL_MAJORITY, False, ["for", "for", "for", "abstain"], Outcome.ADOPTED),
        (VotingRule.TWO_THIRDS, False, ["for", "for", "against", "against"], Outcome.REJECTED),
        (VotingRule.TWO_THIRDS, False, ["for", "for", "for", "against"], Outcome.ADOPTED),
        (VotingRule.PRESENT_MAJORITY, True, ["for", "for", "against", "against"], Outcome.ADOPTED),
        (VotingRule.PRESENT_MAJORITY, True, ["against", "against", "for", "for"], Outcome.REJECTED),
    ],
)
def test_the_result_follows_the_bodys_rule(rule, casting, choices, outcome):
    collegium = Collegium(voting_rule=rule, chair_casting_vote=casting)
    present = collegium.members[:4]  # the chair first; the secretary absent
    poll = services.poll_open(actor=collegium.chair, item=_item(collegium.held(present=present)))
    for member, choice in zip(present, choices, strict=True):
        services.vote_cast(actor=member, poll=poll, choice=choice)
    poll = services.poll_close(actor=collegium.chair, poll=poll)
    assert poll.outcome == outcome
    assert poll.casting_vote_used == (casting and outcome == Outcome.ADOPTED)
