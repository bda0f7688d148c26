from wagtail.snippets.models import register_snippet

from governance.structure.viewsets import StructureGroup

register_snippet(StructureGroup)
