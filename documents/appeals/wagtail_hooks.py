from wagtail.snippets.models import register_snippet

from documents.appeals.viewsets import AppealViewSet

register_snippet(AppealViewSet)
