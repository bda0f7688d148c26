from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.Model):
    """The stable key of a role: its group may be renamed, the code never changes."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="role", verbose_name=_("group"))

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        ordering = ["code"]

    def __str__(self):
        return self.group.name
