from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from governance.access.admin import PolicySnippetViewSet
from governance.structure.models import Position, Subdivision


class SubdivisionViewSet(PolicySnippetViewSet):
    model = Subdivision
    icon = "list-ul"
    menu_label = _("Subdivisions")
    list_display = [
        "name_ky",
        "name_ru",
        "kind",
        "parent",
        "valid_from",
        "valid_to",
        BooleanColumn("is_active", label=Subdivision._meta.get_field("is_active").verbose_name),
    ]
    list_filter = ["kind", "is_active"]
    search_fields = ["name_ky", "name_ru", "code"]


class PositionViewSet(PolicySnippetViewSet):
    model = Position
    icon = "tag"
    menu_label = _("Positions")
    list_display = ["title_ky", "title_ru", "category", "group", "class_rank", "salary_rate", "on_nomenclature"]
    list_filter = ["category", "group", "on_nomenclature"]
    search_fields = ["title_ky", "title_ru"]


class StructureGroup(SnippetViewSetGroup):
    menu_label = _("Structure")
    menu_icon = "list-ul"
    menu_order = 300
    items = (SubdivisionViewSet, PositionViewSet)
