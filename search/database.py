"""The database search backend: Wagtail's, with PostgreSQL's query shaped for a large index.

Wagtail's PostgreSQL backend joins the searched table to the index entries on the record's id cast to
text and matches ``title || body``: no index serves either, so every query reads the whole index and
the whole table. Here the index is read through the GIN index on ``title || body`` (the migration
``site_search.0001``), and the records are narrowed by it in the shape the planner can use:

- where the index holds few matches of the model (``SELECTIVE_AT_MOST``, counted on the index
  alone), the records are looked up by id among them (``pk = ANY(ARRAY(SELECT object_id::bigint …))``);
- where it holds many (a common word), each record is checked against its own index entry
  (``EXISTS``, by the entry's unique key), so that a page or a capped count in the record's own
  order stops after the rows it needs instead of collecting every match.

The rank is the backend's own (title and body weights, the title norm), computed from the record's
entry for the rows that are ordered by it only. Any other database uses Wagtail's backend unchanged.
"""

import functools

from django.db import connection
from django.db.models import BigIntegerField, BooleanField, CharField, Exists, F, Func, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

# Up to this many index matches of a model, the records are looked up by id among them.
SELECTIVE_AT_MOST = 1000


class AmongIds(Func):
    """``id = ANY(ARRAY(subquery))``: the planner reads the ids as a short list to look up by key,
    never as a set to walk the whole table against (as it may ``IN (subquery)`` under a LIMIT)."""

    output_field = BooleanField()

    def as_sql(self, compiler, connection, **extra_context):
        column, ids = (compiler.compile(expression) for expression in self.source_expressions)
        return f"{column[0]} = ANY(ARRAY{ids[0]})", (*column[1], *ids[1])


def SearchBackend(params):  # Wagtail looks the backend up by this name
    if connection.vendor != "postgresql":
        return DatabaseSearchBackend(params)
    return _postgres_backend_class()(params)


@functools.cache
def _postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import (
        IndexEntry,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
    )
    from modelsearch.query import Fuzzy, MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class IndexedSearchQueryCompiler(PostgresSearchQueryCompiler):
        def _shaped(self) -> bool:
            pk = self.queryset.model._meta.pk
            integer = isinstance(pk.target_field if pk.is_relation else pk, IntegerField)
            return integer and self.fields is None and not isinstance(self.query, (MatchAll, Fuzzy, Not))

        def _entries(self, config):
            model = self.queryset.model
            return (
                IndexEntry._default_manager.filter(content_type_id__in=get_descendants_content_types_pks(model))
                .annotate(_vector_=F("title")._combine(F("body"), "||", False))
                .filter(_vector_=self.build_tsquery(self.query, config=config))
            )

        def _candidates(self, entries) -> int:
            """The model's matches in the index, counted up to ``SELECTIVE_AT_MOST + 1``."""
            if getattr(self, "_candidate_count", None) is None:
                self._candidate_count = entries.values("pk")[: SELECTIVE_AT_MOST + 1].count()
            return self._candidate_count

        def search(self, config, start, stop, score_field=None, backend=None):
            if not self._shaped():
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            entries = self._entries(config)
            own_entry = entries.filter(object_id=Cast(OuterRef("pk"), CharField(max_length=50)))
            candidates = self._candidates(entries)
            if not candidates:
                return self.queryset.none()
            if candidates <= SELECTIVE_AT_MOST:
                ids = Subquery(entries.values(ids=Cast("object_id", BigIntegerField())))
                queryset = self.queryset.filter(AmongIds(F("pk"), ids))
            else:
                queryset = self.queryset.filter(Exists(own_entry))
            rank = self._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
            rank_expression = Subquery(own_entry.annotate(_rank_=rank).values("_rank_")[:1])
            return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    class IndexedPostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = IndexedSearchQueryCompiler

    return IndexedPostgresSearchBackend
