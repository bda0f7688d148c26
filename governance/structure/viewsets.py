from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn

from governance.access.admin import PolicySnippetViewSet
from governance.structure.models import Subdivision


class SubdivisionViewSet(PolicySnippetViewSet):
    model = Subdivision
    icon = "list-ul"
    menu_label = _("Structure")
    menu_order = 300
    add_to_admin_menu = True
    list_display = [
        "name_ky",
        "name_ru",
        "kind",
        "parent",
        BooleanColumn("is_active", label=Subdivision._meta.get_field("is_active").verbose_name),
    ]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_ky", "name_ru", "code"]
