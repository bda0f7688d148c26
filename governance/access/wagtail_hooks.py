from django.urls import path
from wagtail import hooks
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from governance.access import two_factor
from governance.access.models import PolicyLogEntry
from governance.access.wagtail import governed_models


@hooks.register("register_log_actions")
def log_governed_models(actions):
    """The log entries of records whose admin asks the policy are read through the policy too."""
    for model in governed_models:
        actions.register_model(model, PolicyLogEntry)


class MediaChoosable:
    """The admin API lists the documents or images the user may choose, add or change: the roles
    that edit the public site, by their collection permissions (the roles table)."""

    def get_queryset(self):
        policy = policy_registry.get_by_type(self.model)
        mine = policy.instances_user_has_any_permission_for(self.request.user, ["choose", "add", "change"])
        return super().get_queryset().filter(pk__in=mine.values("pk"))


class DocumentsAPI(MediaChoosable, DocumentsAdminAPIViewSet):
    pass


class ImagesAPI(MediaChoosable, ImagesAdminAPIViewSet):
    pass


@hooks.register("construct_admin_api", order=100)  # after Wagtail's own endpoints, which these replace
def narrow_media_api(router):
    router.register_endpoint("documents", DocumentsAPI)
    router.register_endpoint("images", ImagesAPI)


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/setup/", two_factor.setup, name="two_factor_setup"),
        path("two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    ]
