"""modelsearch's SQLite FTS5 backend, fed with analysed Chinese text and ranked top-k in SQL.

The stored title/body/autocomplete columns hold `analysis.analyse_document` output, and a query is
the FTS5 phrase of its bigrams. Ranking happens once, inside FTS5 (`bm25`, title column first),
and only as many ranked ids as the requested slice needs are passed through the caller's queryset
filters; modelsearch's own compiler instead re-runs the match for every candidate to rank it.
"""

from django.db import connections, router
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import analysis
from search.backends.common import compile_query, is_match_all

# Weights of the FTS5 columns in their table order (autocomplete, body, title).
RANK_WEIGHTS = (0.0, 1.0, 10.0)
TITLE_ONLY_WEIGHTS = (0.0, 0.0, 1.0)
# Ranked ids are checked against the caller's filters in batches of at least this many.
MIN_BATCH = 100


class AnalysedObjectIndexer(ObjectIndexer):
    @property
    def analysed(self):
        return (
            analysis.analyse_document(self.title),
            analysis.analyse_document(self.autocomplete),
            analysis.analyse_document(self.body),
        )


class ChineseSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        data = {}
        for obj in objs:
            indexer = AnalysedObjectIndexer(obj, self.backend)
            data[indexer.id] = indexer.analysed
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


class ChineseSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    #: FTS5 columns a query searches, as an FTS5 column filter.
    COLUMNS = "{title body}"

    def check(self):
        # Filters and ordering are applied by the database on the caller's own queryset, so any
        # field works; modelsearch's check would demand FilterField declarations for them.
        pass

    def columns(self):
        if self.fields:
            wanted = {"title" if field == "title" else "body" for field in self.fields}
            return "{" + " ".join(sorted(wanted)) + "}"
        return self.COLUMNS

    def match_expression(self) -> str | None:
        expression = compile_query(self.query, analysis.fts5_match_expression)
        if expression is None:
            return None
        return f"{self.columns()} : ({expression})"

    def _tables(self):
        from modelsearch.backends.database.sqlite.sqlite import IndexEntry, SQLiteFTSIndexEntry

        return SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table

    def _hits_sql(self, select: str, order: str = "") -> str:
        fts, entries = self._tables()
        content_types = ", ".join(
            str(int(pk)) for pk in get_descendants_content_types_pks(self.queryset.model)
        )
        return (
            f"SELECT {select} FROM {fts} JOIN {entries} AS e ON e.id = {fts}.rowid "  # noqa: S608
            f"WHERE {fts} MATCH %s AND e.content_type_id IN ({content_types or 'NULL'}) {order}"
        )

    def _pk_cast(self, column: str) -> str:
        internal_type = self.queryset.model._meta.pk.get_internal_type()
        if internal_type in {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}:
            return f"CAST({column} AS INTEGER)"
        return column

    def ranked_hits(self, match: str, limit: int | None, offset: int):
        """(object pk, score) of matching entries, best first: title matches, then bm25, newest."""
        fts, _ = self._tables()
        weights = ", ".join(map(str, RANK_WEIGHTS))
        title_weights = ", ".join(map(str, TITLE_ONLY_WEIGHTS))
        order = (
            f"ORDER BY (bm25({fts}, {title_weights}) < 0) DESC, score, {self._pk_cast('e.object_id')} DESC"
        )
        if limit is not None:
            order += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        sql = self._hits_sql(
            f"{self._pk_cast('e.object_id')}, bm25({fts}, {weights}) AS score", order
        )
        connection = connections[router.db_for_read(self.queryset.model)]
        with connection.cursor() as cursor:
            cursor.execute(sql, [match])
            return cursor.fetchall()

    def matching_pks(self, match: str) -> RawSQL:
        return RawSQL(self._hits_sql(self._pk_cast("e.object_id")), [match])

    def search(self, config, start, stop, score_field=None):
        if is_match_all(self.query):
            return self.queryset[start:stop]
        match = self.match_expression()
        if match is None:
            return self.queryset.none()
        if not self.order_by_relevance:
            queryset = self.queryset.filter(pk__in=self.matching_pks(match))
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]
        return self.ranked_slice(match, start or 0, stop, score_field)

    def ranked_slice(self, match, start, stop, score_field):
        """Walk the ranked hits in batches, keep those the queryset admits, stop at `stop`."""
        wanted = None if stop is None else stop
        kept: list[tuple[int, float]] = []
        offset = 0
        batch = None if wanted is None else max(MIN_BATCH, 2 * wanted)
        while True:
            hits = self.ranked_hits(match, batch, offset)
            if not hits:
                break
            admitted = set(
                self.queryset.filter(pk__in=[pk for pk, _ in hits]).values_list("pk", flat=True)
            )
            kept.extend(hit for hit in hits if hit[0] in admitted)
            if batch is None or len(hits) < batch or len(kept) >= wanted:
                break
            offset += batch
            batch *= 2
        page = kept[start:stop]
        objects = self.queryset.filter(pk__in=[pk for pk, _ in page]).in_bulk()
        results = []
        for pk, score in page:
            obj = objects.get(pk)
            if obj is None:
                continue
            if score_field:
                setattr(obj, score_field, -score)
            results.append(obj)
        return results

    def count(self):
        if is_match_all(self.query):
            return self.queryset.count()
        match = self.match_expression()
        if match is None:
            return 0
        return self.queryset.filter(pk__in=self.matching_pks(match)).count()


class ChineseSQLiteAutocompleteQueryCompiler(ChineseSQLiteSearchQueryCompiler):
    COLUMNS = "{autocomplete}"
    TARGET_SEARCH_FIELD_TYPE = SQLiteAutocompleteQueryCompiler.TARGET_SEARCH_FIELD_TYPE

    def get_config(self, backend):
        return backend.autocomplete_config

    def get_search_fields_for_model(self):
        return self.queryset.model.get_autocomplete_search_fields()

    def columns(self):
        return self.COLUMNS


class ChineseSQLiteSearchResults(SQLiteSearchResults):
    supports_facet = False

    def _do_search(self):
        results = self.get_queryset()
        return list(results)

    def _do_count(self):
        return self.query_compiler.count()


class ChineseSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults

