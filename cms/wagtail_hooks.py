from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.admin_views import ImportActView
from governance.access import policy


class ImportActMenuItem(MenuItem):
    def is_shown(self, request):
        return policy.can(request.user, "cms.import_act")


@hooks.register("register_admin_urls")
def import_act_urls():
    return [path("legal-acts/import/", ImportActView.as_view(), name="import_act")]


@hooks.register("register_admin_menu_item")
def import_act_menu_item():
    return ImportActMenuItem(_("Import a legal act"), reverse("import_act"), icon_name="doc-full", order=250)
