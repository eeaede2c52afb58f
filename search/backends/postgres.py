"""modelsearch's PostgreSQL backend, fed with analysed Chinese text and ranked top-k in SQL.

Documents are stored as tsvectors of trigrams with their positions (SQL, vectors
and queries in `tsquery.py`, shared with `bench/`). The `body` vector holds the title's tokens
too, so one GIN-indexed column answers "does the page match?" and `title` answers "is it in the
title?".
Ranking walks `common.ranking_tiers`, each tier newest first (`tsquery.newest_matches`).
Plain PostgreSQL: no Chinese parser extension.
"""

from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.index import AutocompleteField
from modelsearch.utils import get_content_type_pk

from search.backends.column_compilers import AutocompleteMixin, ColumnMatchMixin
from search.backends.common import (
    CountUpToMixin,
    TopKSearchMixin,
    drop_withdrawn,
    in_its_language,
    indexed_body,
    pk_cast,
)
from search.backends.tsquery import column_match, document_vectors, hits_sql, newest_matches


class ChinesePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        objs = drop_withdrawn(content_type_pk, objs)
        rows, params = [], []
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            with in_its_language(obj):
                title, body = indexer.title_text, indexed_body(obj, indexer.body_text)
                autocomplete = " ".join(
                    value
                    for field in indexer.search_fields
                    for current, _boost, value in indexer.prepare_field(obj, field)
                    if isinstance(current, AutocompleteField)
                )
            rows.append("(%s, %s, %s::tsvector, %s::tsvector, %s::tsvector, 1.0, %s, %s)")
            params += [
                content_type_pk,
                indexer.id,
                *document_vectors(title, autocomplete, body),
                title,
                body,
            ]
        if not rows:
            return
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {IndexEntry._meta.db_table} (content_type_id, object_id, title,"
                f" autocomplete, body, title_norm, title_text, body_text) VALUES {', '.join(rows)}"
                " ON CONFLICT (content_type_id, object_id) DO UPDATE SET title = EXCLUDED.title,"
                " autocomplete = EXCLUDED.autocomplete, body = EXCLUDED.body,"
                " title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text",
                params,
            )


class ChinesePostgresSearchQueryCompiler(
    ColumnMatchMixin, TopKSearchMixin, PostgresSearchQueryCompiler
):
    column_match = staticmethod(column_match)

    def tier_pks(self, match, limit):
        # The caller's filters are checked in the tier, as on SQLite (sqlite.py).
        table = IndexEntry._meta.db_table
        entries = self.index_size if limit is not None else None
        rows = newest_matches(
            self.run,
            table,
            match[0],
            self.content_types(),
            match[1],
            limit,
            entries,
            self.admitted,
        )
        return [self.queryset.model._meta.pk.to_python(row[0]) for row in rows]

    @property
    def entry_pk(self):
        return pk_cast(self.queryset.model, "e.object_id", "({}::bigint)")

    def hits(self, select, match):
        return hits_sql(select, IndexEntry._meta.db_table, match[0], self.content_types()), [
            match[1]
        ]

    def keyed_hits(self, match, key, params):
        # OFFSET 0 keeps it a look-up by key for each page the caller names: as an EXISTS
        # without it, PostgreSQL joined every match instead (a hash semi join), reading each
        # matching entry's vector: 0.56 s for a column's count of 预算 at 100,000 pages,
        # against 40 ms looking its pages up.
        sql, hit_params = self.hits("e.object_id", match)
        return f"{sql} AND {key} OFFSET 0", [*hit_params, *params]


class ChinesePostgresAutocompleteQueryCompiler(
    AutocompleteMixin, ChinesePostgresSearchQueryCompiler
):
    pass


class ChinesePostgresSearchResults(CountUpToMixin, PostgresSearchResults):
    supports_facet = False

    def _do_count(self):
        return self.query_compiler.count()


class ChinesePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex
    results_class = ChinesePostgresSearchResults
