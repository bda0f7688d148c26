from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    APPLICATION = "application", _("application")
    COMPLAINT = "complaint", _("complaint")
    PROPOSAL = "proposal", _("proposal")


class Sender(models.TextChoices):
    PERSON = "person", _("a person")
    ORGANISATION = "organisation", _("an organisation")


class Status(models.TextChoices):
    REGISTERED = "registered", _("registered, under consideration")
    EXTENDED = "extended", _("term extended")
    FORWARDED = "forwarded", _("forwarded to the competent body")
    ANSWERED = "answered", _("answered")
    UNCONSIDERED = "unconsidered", _("left unconsidered")


OPEN = {Status.REGISTERED, Status.EXTENDED}
