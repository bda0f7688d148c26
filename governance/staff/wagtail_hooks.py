from wagtail.snippets.models import register_snippet

from governance.staff.viewsets import DelegationViewSet

register_snippet(DelegationViewSet)
