from wagtail.snippets.models import register_snippet

from governance.structure.viewsets import SubdivisionViewSet

register_snippet(SubdivisionViewSet)
