"""The PostgreSQL side of the database backend, free of Django so `bench/` runs the very same SQL.

Documents are stored as `to_tsvector('simple', <bigram tokens>)`; a query term of two or more
characters becomes the tsquery phrase `'ab' <-> 'bc'`, a single character the prefix `'a':*`.
"""

from search import analysis
from search.backends.common import compile_query

CONFIG = "simple"


def tsquery_terms(terms: list[analysis.QueryTerm], operator: str = "AND") -> str:
    """A to_tsquery string. Tokens hold only letters and digits, so quoting them is always safe."""
    parts = []
    for term in terms:
        if term.is_single_char:
            parts.append(f"'{term.text}':*")
        else:
            parts.append("(" + " <-> ".join(f"'{token}'" for token in term.tokens) + ")")
    return (" | " if operator == "OR" else " & ").join(parts)


def document_vectors(title: str, autocomplete: str, body: str) -> tuple[str, str, str]:
    """(title, autocomplete, body) token strings for `to_tsvector`; body holds the title's too,
    so one GIN-indexed column answers "does the page match?", and the jieba word tokens."""
    analysed_title = analysis.analyse_document(title)
    return (
        analysed_title,
        analysis.analyse_document(autocomplete),
        " ".join(
            [
                analysed_title,
                analysis.analyse_document(body),
                analysis.word_tokens(title),
                analysis.word_tokens(body),
            ]
        ),
    )


def column_match(column: str, query) -> tuple[str, str] | None:
    """(indexed column, to_tsquery string) for a query, or None when nothing can match."""
    expression = compile_query(query, tsquery_terms, and_="&", or_="|")
    return None if expression is None else (column, expression)


def hits_sql(select: str, table: str, column: str, content_types) -> str:
    """Every entry of the given content types whose `column` matches the tsquery parameter."""
    types = ", ".join(str(int(pk)) for pk in content_types) or "NULL"
    return (
        f"SELECT {select} FROM {table} AS e"
        f" WHERE e.{column} @@ to_tsquery('{CONFIG}', %s)"
        f" AND e.content_type_id IN ({types})"
    )


def tier_sql(table: str, column: str, content_types, limit: int | None) -> str:
    """One tier, newest entry first, cut at `limit`."""
    sql = hits_sql("e.object_id", table, column, content_types) + " ORDER BY e.id DESC"
    return sql if limit is None else f"{sql} LIMIT {int(limit)}"
