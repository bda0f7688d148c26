from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.staff import StaffSearchView


@hooks.register("register_admin_urls")
def staff_search_urls():
    return [path("search/records/", StaffSearchView.as_view(), name="staff_search")]


@hooks.register("register_admin_menu_item")
def staff_search_menu_item():
    return MenuItem(_("Search the records"), reverse("staff_search"), icon_name="search", order=150)
