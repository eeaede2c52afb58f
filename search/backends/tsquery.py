"""The PostgreSQL side of the database backend, free of Django so `bench/` runs the very same SQL.

Documents are stored as `to_tsvector('simple', <bigram tokens>)`; a query term of two or more
characters becomes the tsquery phrase `'ab' <-> 'bc'`, a single character the prefix `'a':*`.
"""

from search import analysis
from search.backends.common import compile_query, index_size, probe_rows

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


def _and(condition: str) -> str:
    return f" AND {condition}" if condition else ""


def probe_sql(table: str, column: str, content_types, limit: int, rows: int, condition="") -> str:
    """The matches among the newest `rows` entries, newest first; `condition` on the entry `e`."""
    types = ", ".join(str(int(pk)) for pk in content_types) or "NULL"
    return (
        f"SELECT e.object_id FROM (SELECT id, object_id, content_type_id, {column} FROM {table}"
        f" ORDER BY id DESC LIMIT {int(rows)}) AS e"
        f" WHERE e.{column} @@ to_tsquery('{CONFIG}', %s) AND e.content_type_id IN ({types})"
        f"{_and(condition)} ORDER BY e.id DESC LIMIT {int(limit)}"
    )


def tier_sql(table: str, column: str, content_types, limit: int | None, condition="") -> str:
    """One tier, newest entry first, cut at `limit`, from the GIN index: `e.id + 0` keeps the
    planner off a backward walk of the primary key, which checks rows one by one."""
    sql = hits_sql("e.object_id", table, column, content_types)
    sql += f"{_and(condition)} ORDER BY e.id + 0 DESC"
    return sql if limit is None else f"{sql} LIMIT {int(limit)}"


def newest_matches(
    run,
    table: str,
    column: str,
    content_types,
    expression: str,
    limit,
    entries=None,
    condition=("", []),
):
    """One tier's object ids, newest first, through `run(sql, params) -> rows`.

    A GIN index finds every match but cannot hand them over newest first, so a common word
    costs as many heap reads (and, for a phrase, position checks) as it has matches; walking the
    primary key backwards checks rows one by one and costs as many rows as it takes to meet
    `limit` matches, which for a rare word is the whole table. PostgreSQL's planner guesses
    between them from lexeme statistics and guesses wrong for rare words. So: the newest
    `probe_rows` entries are checked first (common words fill the page there); only a word too
    rare for that goes to the GIN index, where rarity makes it cheap. The entry count comes from
    the highest id (a primary-key lookup): ids are assigned in order; a caller ranking several
    tiers reads it once (`index_size`) and passes it as `entries`. `condition` is (sql, params)
    of a condition on the entry `e` checked with the match (the caller's filters).
    """
    where, params = condition
    if limit is not None:
        if entries is None:
            entries = index_size(run, table)
        probe = probe_rows(limit, entries)
        if probe < entries:
            sql = probe_sql(table, column, content_types, limit, probe, where)
            rows = run(sql, [expression, *params])
            if len(rows) >= limit:
                return rows
    return run(tier_sql(table, column, content_types, limit, where), [expression, *params])
