"""Wagtail's own admin views of our models, narrowed by the policy.

Every governance ViewSet derives from ``PolicySnippetViewSet``. Wagtail asks its permission
policy at model level ("may this user change subdivisions at all?"); these views then ask, for
the one object or the rows they show, the same policy (``AccessPolicy``, which asks
``governance.access.policy``):

- the list shows the rows the user may view or change (a ViewSet with ``narrow_to_changeable``
  shows whoever holds the right to change on some rows only, not on the model, those rows);
  a row's edit and delete links are shown only where the user may take that action on it;
- edit, delete, inspect, history and usage refuse an object the user may not act on;
- the chooser (``/admin/snippets/choose/<app>/<model>/``: the modal, its results, ``chosen/<pk>/``
  and ``chosen-multiple/``) lists and returns only rows the user may view, and never creates:
  a record is created through its own add view, which saves through the app's services;
- a search runs over a plain ``pk__in`` filter of the narrowed rows, which every search backend
  understands (they filter on indexed fields only, and the policy's filters use others).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import IntegerField, QuerySet, Value
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.log_actions import registry as log_action_registry
from wagtail.permissions import policy_registry
from wagtail.search.index import class_is_indexed
from wagtail.snippets.views import chooser, snippets

from governance.access.wagtail import AccessPolicy


def searchable(queryset: QuerySet) -> QuerySet:
    """The same rows as a plain primary-key filter that any search backend accepts."""
    return queryset.model._default_manager.filter(pk__in=queryset.values("pk"))


def readable(user, model) -> QuerySet:
    """The rows of ``model`` the user may view, by its permission policy."""
    return policy_registry.get_by_type(model).instances_user_has_permission_for(user, "view")


class ObjectPolicyMixin:
    """Refuse an object on which the user may not take ``object_action``."""

    object_action = "view"

    def check_object(self, obj):
        if not policy_registry.get(obj).user_has_permission_for_instance(self.request.user, self.object_action, obj):
            raise PermissionDenied
        return obj


class IndexView(snippets.IndexView):
    def get_table(self, object_list):
        self._kyzmat_page = [obj.pk for obj in object_list]  # the rows whose links are asked
        return super().get_table(object_list)

    def _rows_allowed(self, action) -> set | None:
        """The rows of the page the user may take ``action`` on: None for every row (a right on the
        model), else the primary keys the policy gives (read once per page, in one query)."""
        allowed = self.__dict__.setdefault("_kyzmat_rows_allowed", {})
        if action not in allowed:
            model_policy = policy_registry.get_by_type(self.model)
            if not isinstance(model_policy, AccessPolicy) or model_policy.holds_model_right(self.request.user, action):
                allowed[action] = None
            else:
                rows = model_policy.instances_user_has_permission_for(self.request.user, action)
                page = getattr(self, "_kyzmat_page", None)
                rows = rows if page is None else rows.filter(pk__in=page)
                allowed[action] = set(rows.values_list("pk", flat=True))
        return allowed[action]

    def _allows(self, action, instance) -> bool:
        rows = self._rows_allowed(action)
        return rows is None or instance.pk in rows

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self._allows("change", instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self._allows("delete", instance) else None

    def search_queryset(self, queryset):
        if self.is_searching and class_is_indexed(queryset.model):
            narrowed = searchable(queryset)
            narrowed.query.select_related = queryset.query.select_related
            queryset = narrowed.prefetch_related(*queryset._prefetch_related_lookups)
            queryset = self.order_queryset(queryset) if self.is_explicitly_ordered else queryset
        return super().search_queryset(queryset)


class EditView(ObjectPolicyMixin, snippets.EditView):
    object_action = "change"

    def get_object(self, queryset=None):
        return self.check_object(super().get_object(queryset))


class DeleteView(ObjectPolicyMixin, snippets.DeleteView):
    object_action = "delete"

    def get_object(self, queryset=None):
        return self.check_object(super().get_object(queryset))


class InspectView(ObjectPolicyMixin, snippets.InspectView):
    any_permission_required = ["view", "change"]

    def get_object(self, queryset=None):
        return self.check_object(super().get_object(queryset))


class HistoryView(ObjectPolicyMixin, snippets.HistoryView):
    """Whoever may read the record reads its history, not only those who may edit it."""

    any_permission_required = ["view", "change"]

    def get_object(self):
        return self.check_object(super().get_object())


class UsageView(ObjectPolicyMixin, snippets.UsageView):
    """Only whoever may read the record sees where it is used; Wagtail names a referencing object
    only to whoever may edit it ("Private …" otherwise)."""

    permission_required = None
    any_permission_required = ["view", "change"]

    def get_object(self):
        return self.check_object(super().get_object())


class ChooserMixin:
    def get_object_list(self):
        return searchable(readable(self.request.user, self.model_class))

    def can_create(self):
        return False


class ChooseView(ChooserMixin, chooser.ChooseView):
    pass


class ChooseResultsView(ChooserMixin, chooser.ChooseResultsView):
    pass


class ChosenView(chooser.SnippetChosenView):
    def get_object(self, pk):
        try:
            return readable(self.request.user, self.model_class).get(pk=pk)
        except (ValueError, ValidationError):
            # "chosen/abc/" on a numeric key: not found, as for any other missing row.
            raise self.model_class.DoesNotExist from None


class ChosenMultipleView(chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return readable(self.request.user, self.model_class).filter(pk__in=[pk for pk in pks if pk.isdigit()])


class ChooserCreateView(chooser.SnippetCreateView):
    """Refused (403): records are created through their add view and the app's services."""

    def can_create(self):
        return False


class PolicyChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
    create_view_class = ChooserCreateView


class PolicySnippetViewSet(snippets.SnippetViewSet):
    """The base of every governance ViewSet: Wagtail's views, each asking the policy."""

    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    inspect_view_class = InspectView
    history_view_class = HistoryView
    usage_view_class = UsageView
    chooser_viewset_class = PolicyChooserViewSet
    copy_view_enabled = False
    # Show whoever may change some rows only (not the model) those rows, even if they may read more:
    # the list is their work (a head of subdivision and the subtree they head).
    narrow_to_changeable = False

    def get_queryset(self, request):
        model_policy = policy_registry.get_by_type(self.model)
        if (
            self.narrow_to_changeable
            and isinstance(model_policy, AccessPolicy)
            and not model_policy.holds_model_right(request.user, "change")
        ):
            changeable = model_policy.instances_user_has_permission_for(request.user, "change")
            if changeable.exists():
                return changeable
        return model_policy.instances_user_has_any_permission_for(request.user, ["view", "change"])


class SiteHistoryView(LogEntriesView):
    """Wagtail's site history over its log tables and ours (``PolicyLogEntry``, read through the policy).

    Wagtail unites the log tables one by one, which SQLite refuses once more than two take part
    (a nested union keeps a model's default ordering); here they are united at once, unordered.
    """

    def get_filtered_queryset(self):
        self.log_models = list(log_action_registry.get_log_entry_models())
        queries = []
        for index, log_model in enumerate(self.log_models):
            query = log_model.objects.viewable_by_user(self.request.user).values("pk", "timestamp")
            query = self.filter_queryset(query.annotate(log_model_index=Value(index, output_field=IntegerField())))
            query.query.clear_ordering(force=True, clear_default=True)
            queries.append(query)
        return queries[0].union(*queries[1:], all=True).order_by("-timestamp")


site_history_urls = [
    path("site-history/", require_admin_access(SiteHistoryView.as_view()), name="site_history"),
    path(
        "site-history/results/",
        require_admin_access(SiteHistoryView.as_view(results_only=True)),
        name="site_history_results",
    ),
]
