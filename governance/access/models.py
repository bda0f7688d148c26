from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.db.models.functions import Cast
from django.utils.translation import gettext_lazy as _
from wagtail.models import BaseLogEntry, BaseLogEntryManager


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


class PolicyLogEntryManager(BaseLogEntryManager):
    """Wagtail's log of our records; the site history shows an entry only to who may read its record."""

    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk))
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        content_type = ContentType.objects.get_for_model(instance, for_concrete_model=False)
        return self.filter(content_type=content_type, object_id=str(instance.pk))

    def viewable_by_user(self, user):
        if user.is_superuser:
            return self.all()
        from wagtail.permissions import policy_registry

        readable = Q(pk__in=[])
        for content_type_id in self.values_list("content_type_id", flat=True).distinct().order_by():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:
                continue
            rows = policy_registry.get_by_type(model).instances_user_has_permission_for(user, "view")
            ids = rows.order_by().annotate(object_key=Cast("pk", models.CharField())).values("object_key")
            readable |= Q(content_type_id=content_type_id, object_id__in=ids)
        return self.filter(readable)


class PolicyLogEntry(BaseLogEntry):
    """A log entry of a record governed by the policy (its model's permission policy is AccessPolicy).

    Wagtail's own ``ModelLogEntry`` shows every entry of a model, title included, to anyone with
    any permission on that model; these entries ask the policy, row by row.
    """

    object_id = models.CharField(max_length=255, db_index=True)

    objects = PolicyLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = _("log entry")
        verbose_name_plural = _("log entries")

    def __str__(self):
        return f"{self.action} on {self.object_verbose_name} {self.object_id}"
