from django.db import models
from django.utils.translation import gettext_lazy as _

from documents.lifecycle import Lifecycle


class BodyKind(models.TextChoices):
    COLLEGIUM = "collegium", _("collegium")
    PUBLIC_COUNCIL = "public_council", _("Public Council")
    COMMISSION = "commission", _("interdepartmental commission")
    EXPERT_COUNCIL = "expert_council", _("expert council")
    WORKING_GROUP = "working_group", _("working group")


class QuorumRule(models.TextChoices):
    MORE_THAN_HALF = "more_than_half", _("more than half of the members present")
    TWO_THIRDS = "two_thirds", _("at least two thirds of the members present")


class VotingRule(models.TextChoices):
    PRESENT_MAJORITY = "present_majority", _("majority of the members present")
    ALL_MAJORITY = "all_majority", _("majority of all members")
    TWO_THIRDS = "two_thirds", _("two thirds of the members present")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    DEPUTY_CHAIR = "deputy_chair", _("deputy chair")
    SECRETARY = "secretary", _("secretary")
    MEMBER = "member", _("member")


class Basis(models.TextChoices):
    EX_OFFICIO = "ex_officio", _("ex officio, by post")
    PRIME_MINISTER = "prime_minister", _("approved by the Prime Minister")
    ORDER = "order", _("appointed by an order")


class MeetingStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    HELD = "held", _("held")
    CANCELLED = "cancelled", _("cancelled")


class PollStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("closed")


class Choice(models.TextChoices):
    FOR = "for", _("for")
    AGAINST = "against", _("against")
    ABSTAIN = "abstain", _("abstain")


class Outcome(models.TextChoices):
    ADOPTED = "adopted", _("adopted")
    REJECTED = "rejected", _("not adopted")


# The posts that sit on the collegium by right (role codes of governance/access).
COLLEGIUM_EX_OFFICIO = ("chairman", "state_secretary", "deputy_chairman")
COLLEGIUM_SIZE = 5
# Who runs a meeting from the members' portal.
RUNS_MEETINGS = frozenset({MemberRole.CHAIR, MemberRole.SECRETARY})


class DecisionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    REGISTERED = "registered", _("registered")


class MinutesStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SIGNED = "signed", _("signed")


DECISION_LIFECYCLE = Lifecycle(
    app="bodies",
    action_prefix="decision_",
    transitions={"register": ({DecisionStatus.DRAFT}, {DecisionStatus.REGISTERED})},
    labels={"register": (_("Register"), _("Registered"))},
)


class RecommendationStatus(models.TextChoices):
    ADOPTED = "adopted", _("awaiting the agency's response")
    ANSWERED = "answered", _("answered by the agency")
    CLOSED = "closed", _("closed")


def _not_published(recommendation) -> str | None:
    return _("It is already published.") if recommendation.published_at else None


RECOMMENDATION_LIFECYCLE = Lifecycle(
    app="bodies",
    action_prefix="recommendation_",
    transitions={
        "answer": ({RecommendationStatus.ADOPTED}, {RecommendationStatus.ANSWERED}),
        "close": ({RecommendationStatus.ANSWERED}, {RecommendationStatus.CLOSED}),
        # publishing leaves the status as it is
        "publish": ({RecommendationStatus.ANSWERED, RecommendationStatus.CLOSED}, ()),
    },
    labels={
        "answer": (_("Give the agency's response"), _("Response given")),
        "close": (_("Close: the response is accepted"), _("Closed")),
        "publish": (_("Publish on the site"), _("Published")),
    },
    guards={"publish": _not_published},
)
