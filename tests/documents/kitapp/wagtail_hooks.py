from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView

from documents.lifecycle_admin import (
    Action,
    CommentForm,
    LifecycleInspectMixin,
    LifecycleViewSetMixin,
    ReasonForm,
    SavedThroughService,
)
from governance.access.admin import InspectView, PolicySnippetViewSet
from tests.documents.kitapp import services
from tests.documents.kitapp.enums import LIFECYCLE
from tests.documents.kitapp.models import Memo


class MemoCreateView(SavedThroughService, CreateView):
    def save_through(self, instance):
        return services.memo_create(actor=self.request.user, title=instance.title, body=instance.body)


class MemoInspectView(LifecycleInspectMixin, InspectView):
    pass


class MemoViewSet(LifecycleViewSetMixin, PolicySnippetViewSet):
    model = Memo
    lifecycle = LIFECYCLE
    record_arg = "memo"
    transition_actions = {
        "submit": Action(services.memo_submit),
        "approve": Action(services.memo_approve, form=CommentForm, confirm="Approve “%(record)s” for good?"),
        "send_back": Action(services.memo_send_back, form=ReasonForm),
    }
    add_view_class = MemoCreateView
    inspect_view_enabled = True
    inspect_view_class = MemoInspectView
    edit_handler = ObjectList([FieldPanel("title"), FieldPanel("body")])


register_snippet(MemoViewSet)


@hooks.register("register_log_actions")
def register_memo_actions(actions):
    LIFECYCLE.register_log_actions(actions)
