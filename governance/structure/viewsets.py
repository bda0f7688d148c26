from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from documents.lifecycle_admin import SavedThroughService
from governance.access.admin import EditView, PolicySnippetViewSet
from governance.structure import services
from governance.structure.models import Position, Subdivision


class SubdivisionEditView(SavedThroughService, EditView):
    def save_through(self, instance):
        return services.subdivision_save(actor=self.request.user, subdivision=instance)


class SubdivisionViewSet(PolicySnippetViewSet):
    model = Subdivision
    icon = "list-ul"
    menu_label = _("Subdivisions")
    edit_view_class = SubdivisionEditView
    narrow_to_changeable = True  # a head lists the subtree they head
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

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("parent")


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
