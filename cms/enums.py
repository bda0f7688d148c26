from django.db import models
from django.utils.translation import gettext_lazy as _


class PublicationKind(models.TextChoices):
    BULLETIN = "bulletin", _("Bulletin")
    JOURNAL = "journal", _("Journal issue")
    LEGAL_PROPAGANDA = "legal_propaganda", _("Legal propaganda")
    NEWS = "news", _("News")
    ANNOUNCEMENT = "announcement", _("Announcement")


# Kinds that come out in numbered issues covering a period.
PERIODICALS = {PublicationKind.BULLETIN, PublicationKind.JOURNAL}
# Kinds that the feeds carry.
FEED_KINDS = {"bulletins": PublicationKind.BULLETIN, "news": PublicationKind.NEWS}


class EventKind(models.TextChoices):
    SEMINAR = "seminar", _("Seminar")
    CONFERENCE = "conference", _("Conference")
    CONTEST = "contest", _("Contest")
    LEGAL_PROPAGANDA = "legal_propaganda", _("Legal propaganda event")
