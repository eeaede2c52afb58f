"""modelsearch's SQLite FTS5 backend, fed with analysed Chinese text and ranked top-k in SQL.

The stored title/body/autocomplete columns hold `analysis.analyse_document` output, and a query is
the FTS5 phrase of its bigrams. Ranking happens once, inside FTS5 (`bm25`, title matches first),
and only as many ranked ids as the requested slice needs are passed through the caller's queryset
filters; modelsearch's own compiler instead re-runs the match for every candidate to rank it.
"""

from django.db import connections, router
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import analysis
from search.backends.common import TopKSearchMixin, compile_query, pk_cast

# Weights of the FTS5 columns in their table order (autocomplete, body, title).
RANK_WEIGHTS = "0.0, 1.0, 10.0"
TITLE_ONLY_WEIGHTS = "0.0, 0.0, 1.0"


def analysed_fields(obj, backend):
    """(title, autocomplete, body) of an object as analysed index text."""
    indexer = ObjectIndexer(obj, backend)
    return indexer.id, tuple(
        analysis.analyse_document(text)
        for text in (indexer.title, indexer.autocomplete, indexer.body)
    )


class ChineseSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        data = dict(analysed_fields(obj, self.backend) for obj in objs)
        if not data:
            return
        entries = self.entries.filter(content_type_id=content_type_pk)
        existing = set(entries.filter(object_id__in=data).values_list("object_id", flat=True))
        for object_id in existing:
            title, autocomplete, body = data[object_id]
            entries.filter(object_id=object_id).update(
                title=title, autocomplete=autocomplete, body=body
            )
        self.entries.bulk_create(
            self.entries.model(
                content_type_id=content_type_pk,
                object_id=object_id,
                title=title,
                autocomplete=autocomplete,
                body=body,
            )
            for object_id, (title, autocomplete, body) in data.items()
            if object_id not in existing
        )


class ChineseSQLiteSearchQueryCompiler(TopKSearchMixin, SQLiteSearchQueryCompiler):
    def columns(self):
        if self.fields:
            wanted = {"title" if field == "title" else "body" for field in self.fields}
            return "{" + " ".join(sorted(wanted)) + "}"
        return "{title body}"

    def match_expression(self) -> str | None:
        expression = compile_query(self.query, analysis.fts5_match_expression)
        if expression is None:
            return None
        return f"{self.columns()} : ({expression})"

    def _hits_sql(self, select: str, order: str = "") -> str:
        fts, entries = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        content_types = ", ".join(
            str(int(pk)) for pk in get_descendants_content_types_pks(self.queryset.model)
        )
        return (
            f"SELECT {select} FROM {fts} JOIN {entries} AS e ON e.id = {fts}.rowid "
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({content_types or 'NULL'}) {order}"
        )

    def ranked_hits(self, match, limit, offset):
        fts = SQLiteFTSIndexEntry._meta.db_table
        pk = pk_cast(self.queryset.model, "e.object_id")
        # bm25 is negative for a match and 0 without one: the first key puts title matches first.
        order = f"ORDER BY (bm25({fts}, {TITLE_ONLY_WEIGHTS}) < 0) DESC, score, {pk} DESC"
        if limit is not None:
            order += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        sql = self._hits_sql(f"{pk}, bm25({fts}, {RANK_WEIGHTS}) AS score", order)
        with connections[router.db_for_read(self.queryset.model)].cursor() as cursor:
            cursor.execute(sql, [match])
            return [(row_pk, -score) for row_pk, score in cursor.fetchall()]

    def matching_pks(self, match):
        return RawSQL(self._hits_sql(pk_cast(self.queryset.model, "e.object_id")), [match])


class ChineseSQLiteAutocompleteQueryCompiler(ChineseSQLiteSearchQueryCompiler):
    TARGET_SEARCH_FIELD_TYPE = SQLiteAutocompleteQueryCompiler.TARGET_SEARCH_FIELD_TYPE

    def get_config(self, backend):
        return backend.autocomplete_config

    def get_search_fields_for_model(self):
        return self.queryset.model.get_autocomplete_search_fields()

    def columns(self):
        return "{autocomplete}"


class ChineseSQLiteSearchResults(SQLiteSearchResults):
    supports_facet = False

    def _do_count(self):
        return self.query_compiler.count()


class ChineseSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults
