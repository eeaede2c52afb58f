"""The FTS5 side of the SQLite backend, free of Django so that `bench/` runs the very same SQL."""

from search import analysis
from search.backends.common import compile_query

MARK = analysis.TITLE_MARK


def document_columns(title: str, autocomplete: str, body: str) -> tuple[str, str, str]:
    """(title, autocomplete, body) column values of the FTS5 row for a document."""
    return (
        analysis.analyse_document(title, mark=MARK),
        analysis.analyse_document(autocomplete, mark=MARK),
        " ".join(
            [
                analysis.analyse_document(title),
                analysis.analyse_document(body),
                analysis.word_tokens(title),
                analysis.word_tokens(body),
            ]
        ),
    )


def column_match(column: str, query) -> str | None:
    """The FTS5 MATCH string for a query restricted to one column (`title` is the marked one)."""
    mark = MARK if column in {"title", "autocomplete"} else ""

    def render(terms, operator):
        return analysis.fts5_match_expression(terms, operator, mark=mark)

    expression = compile_query(query, render)
    return None if expression is None else f"{{{column}}} : ({expression})"


def hits_sql(select: str, fts: str, entries: str, content_types) -> str:
    """Every entry of the given content types matching the MATCH parameter, ending in its
    WHERE clause."""
    types = ", ".join(str(int(pk)) for pk in content_types) or "NULL"
    return (
        f"SELECT {select} FROM {fts} JOIN {entries} AS e ON e.id = {fts}.rowid"
        f" WHERE {fts} MATCH %s AND e.content_type_id IN ({types})"
    )


def keyed_hits_sql(fts: str, entries: str, content_types, key: str) -> str:
    """The object ids of the entries looked up by key (`key`, a condition on the entry `e`
    whose parameters come before the MATCH one) that match. CROSS JOIN has SQLite
    look each entry up by key, then check its row against the match by rowid (~30 µs), where
    its planner would walk every match of a common word."""
    types = ", ".join(str(int(pk)) for pk in content_types) or "NULL"
    return (
        f"SELECT e.object_id FROM {entries} AS e CROSS JOIN {fts} ON {fts}.rowid = e.id"
        f" WHERE e.content_type_id IN ({types}) AND {key} AND {fts} MATCH %s"
    )


def tier_sql(fts: str, entries: str, content_types, condition: str = "") -> str:
    """One tier, newest first: FTS5 walks its rowids backwards and stops at the LIMIT. A
    `condition` on the entry `e` is checked match by match on the way."""
    sql = hits_sql("e.object_id", fts, entries, content_types)
    if condition:
        sql += f" AND {condition}"
    return sql + f" ORDER BY {fts}.rowid DESC"
