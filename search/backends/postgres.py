"""modelsearch's PostgreSQL backend, fed with analysed Chinese text and ranked top-k in SQL.

Documents are stored as `to_tsvector('simple', <bigram tokens>)`; a query term of two or more
characters becomes the tsquery phrase `'ab' <-> 'bc'`, a single character the prefix `'a':*`.
Works on plain PostgreSQL: no Chinese parser extension is needed.
"""

from django.db import connections, router
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    ObjectIndexer,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.index import AutocompleteField
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search import analysis
from search.backends.common import TopKSearchMixin, compile_query, pk_cast

CONFIG = "simple"
TITLE_WEIGHT = 10


def tsquery_terms(terms: list[analysis.QueryTerm], operator: str = "AND") -> str:
    """A to_tsquery string. Tokens hold only letters and digits, so quoting them is always safe."""
    parts = []
    for term in terms:
        if term.is_single_char:
            parts.append(f"'{term.text}':*")
        else:
            parts.append("(" + " <-> ".join(f"'{token}'" for token in term.tokens) + ")")
    return (" | " if operator == "OR" else " & ").join(parts)


class ChinesePostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_pk = get_content_type_pk(model)
        rows, params = [], []
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            title, body = indexer.title_text, indexer.body_text
            autocomplete = " ".join(
                value
                for field in indexer.search_fields
                for current, _boost, value in indexer.prepare_field(obj, field)
                if isinstance(current, AutocompleteField)
            )
            rows.append(
                f"(%s, %s, to_tsvector('{CONFIG}', %s), to_tsvector('{CONFIG}', %s),"
                f" to_tsvector('{CONFIG}', %s), 1.0, %s, %s)"
            )
            params += [
                content_type_pk,
                indexer.id,
                analysis.analyse_document(title),
                analysis.analyse_document(autocomplete),
                analysis.analyse_document(body),
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


class ChinesePostgresSearchQueryCompiler(TopKSearchMixin, PostgresSearchQueryCompiler):
    def vector(self):
        if self.fields and set(self.fields) == {"title"}:
            return "e.title"
        return "(e.title || e.body)"

    def match_expression(self):
        return compile_query(self.query, tsquery_terms, and_="&", or_="|")

    def _hits_sql(self, select, order=""):
        content_types = ", ".join(
            str(int(pk)) for pk in get_descendants_content_types_pks(self.queryset.model)
        )
        return (
            f"SELECT {select} FROM {IndexEntry._meta.db_table} AS e,"
            f" to_tsquery('{CONFIG}', %s) AS q WHERE {self.vector()} @@ q"
            f" AND e.content_type_id IN ({content_types or 'NULL'}) {order}"
        )

    def ranked_hits(self, match, limit, offset):
        pk = pk_cast(self.queryset.model, "e.object_id", "({}::bigint)")
        score = f"ts_rank(e.title, q) * {TITLE_WEIGHT} + ts_rank(e.body, q)"
        order = f"ORDER BY (e.title @@ q) DESC, score DESC, {pk} DESC"
        if limit is not None:
            order += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        sql = self._hits_sql(f"{pk}, {score} AS score", order)
        with connections[router.db_for_read(self.queryset.model)].cursor() as cursor:
            cursor.execute(sql, [match])
            return cursor.fetchall()

    def matching_pks(self, match):
        return RawSQL(
            self._hits_sql(pk_cast(self.queryset.model, "e.object_id", "({}::bigint)")), [match]
        )


class ChinesePostgresAutocompleteQueryCompiler(ChinesePostgresSearchQueryCompiler):
    TARGET_SEARCH_FIELD_TYPE = PostgresAutocompleteQueryCompiler.TARGET_SEARCH_FIELD_TYPE

    def get_config(self, backend):
        return backend.autocomplete_config

    def get_search_fields_for_model(self):
        return self.queryset.model.get_autocomplete_search_fields()

    def vector(self):
        return "e.autocomplete"


class ChinesePostgresSearchResults(PostgresSearchResults):
    supports_facet = False

    def _do_count(self):
        return self.query_compiler.count()


class ChinesePostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = ChinesePostgresSearchQueryCompiler
    autocomplete_query_compiler_class = ChinesePostgresAutocompleteQueryCompiler
    index_class = ChinesePostgresIndex
    results_class = ChinesePostgresSearchResults
