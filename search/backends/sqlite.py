"""modelsearch's SQLite FTS5 backend, fed with analysed Chinese text, answering top-k in FTS5.

Stored columns (`document_columns`): `title` and `autocomplete` hold their analysed tokens behind
`analysis.TITLE_MARK`, so title postings are short lists of their own; `body` holds the plain
tokens of the title and the body, so it alone answers "does the page match?". A query word is the
FTS5 phrase of its bigrams. Ranking walks `common.ranking_tiers` (title before body, words side by
side before scattered), each tier one FTS5 query `ORDER BY rowid DESC LIMIT n`, which FTS5 answers
newest first and stops early; modelsearch's own compiler re-ran the match for every candidate.
"""

from django.db import connections, router, transaction
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
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
from search.backends.fts5 import (
    column_match,
    document_columns,
    hits_sql,
    keyed_hits_sql,
    tier_sql,
)


def analysed_fields(obj, backend):
    """(title, autocomplete, body) of an object as index column values, read in its language."""
    indexer = ObjectIndexer(obj, backend)
    with in_its_language(obj):
        body = indexed_body(obj, indexer.body)
        return indexer.id, document_columns(indexer.title, indexer.autocomplete, body)


class ChineseSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        objs = drop_withdrawn(content_type_pk, objs)
        data = dict(analysed_fields(obj, self.backend) for obj in objs)
        if not data:
            return
        # One upsert, as on PostgreSQL: two workers indexing the same page at once (a publish
        # and the reconcile) both write instead of one failing on the unique entry.
        self.entries.bulk_create(
            [
                self.entries.model(
                    content_type_id=content_type_pk,
                    object_id=object_id,
                    title=title,
                    autocomplete=autocomplete,
                    body=body,
                )
                for object_id, (title, autocomplete, body) in data.items()
            ],
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["title", "autocomplete", "body"],
        )


class ChineseSQLiteSearchQueryCompiler(
    ColumnMatchMixin, TopKSearchMixin, SQLiteSearchQueryCompiler
):
    column_match = staticmethod(column_match)

    def tier_pks(self, match, limit):
        # The caller's filters are checked in the tier, match by match, so that a filter
        # admitting few matches (a year, a column) fills a page in one query.
        condition, params = self.admitted
        tables = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        sql = tier_sql(*tables, self.content_types(), condition)
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self.run(sql, [match, *params])
        return [self.queryset.model._meta.pk.to_python(row[0]) for row in rows]

    @property
    def entry_pk(self):
        return pk_cast(self.queryset.model, "e.object_id")

    def hits(self, select, match):
        tables = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        return hits_sql(select, *tables, self.content_types()), [match]

    def keyed_hits(self, match, key, params):
        tables = SQLiteFTSIndexEntry._meta.db_table, IndexEntry._meta.db_table
        return keyed_hits_sql(*tables, self.content_types(), key), [*params, match]


class ChineseSQLiteAutocompleteQueryCompiler(AutocompleteMixin, ChineseSQLiteSearchQueryCompiler):
    pass


class ChineseSQLiteSearchResults(CountUpToMixin, SQLiteSearchResults):
    supports_facet = False

    def _do_count(self):
        return self.query_compiler.count()


# Leaf pages (4 kB) one merge step writes: a step holds the database's write lock for tens of
# milliseconds, so publications go on between steps.
MERGE_STEP_PAGES = 500


class ChineseSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = ChineseSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = ChineseSQLiteAutocompleteQueryCompiler
    index_class = ChineseSQLiteIndex
    results_class = ChineseSQLiteSearchResults

    def merge_index(self) -> int:
        """Merge the index's b-trees into one, a step (one transaction) at a time; the number
        of steps that merged something.

        FTS5 writes each transaction's entries as a b-tree of its own and merges them only
        when several pile up on one level, so a site publishing page by page keeps a dozen or
        more; a look-up by key (the date sort's walk, a filtered count) opens every one of
        them for every word. A negative 'merge' merges across levels, as 'optimize' does, but
        in steps; a step that merged nothing changes fewer than two rows."""
        table = SQLiteFTSIndexEntry._meta.db_table
        connection = connections[router.db_for_write(SQLiteFTSIndexEntry)]
        steps = 0
        while True:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                before = connection.connection.total_changes
                cursor.execute(
                    f"INSERT INTO {table}({table}, rank) VALUES ('merge', %s)",
                    [-MERGE_STEP_PAGES],
                )
                if connection.connection.total_changes - before < 2:
                    return steps
            steps += 1
