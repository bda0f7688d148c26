from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class DelegationQuerySet(models.QuerySet):
    def covering(self, day):
        return self.filter(date_from__lte=day, date_to__gte=day)


class Delegation(models.Model):
    """The chairman's powers given to a deputy for dated days (acting chairman, statute clause 10)."""

    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("delegate"), on_delete=models.PROTECT, related_name="delegations"
    )
    date_from = models.DateField(_("first day"))
    date_to = models.DateField(_("last day"))
    basis = models.CharField(_("basis"), max_length=500, help_text=_("The act that gives the powers."))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = DelegationQuerySet.as_manager()

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["-date_from"]

    def __str__(self):
        return f"{self.delegate} {self.date_from:%d.%m.%Y}–{self.date_to:%d.%m.%Y}"

    def clean(self):
        if self.date_from and self.date_to and self.date_to < self.date_from:
            raise ValidationError({"date_to": _("The delegation cannot end before it begins.")})
