"""Turning modelsearch query objects into a boolean tree of analysed terms, for every backend."""

from collections.abc import Callable

from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText

from search import analysis

# Renders one list of terms (joined by "AND"/"OR") in a backend's query language, or None.
RenderTerms = Callable[[list[analysis.QueryTerm], str], str | None]


def is_match_all(query) -> bool:
    return isinstance(query, MatchAll)


def compile_query(query, render_terms: RenderTerms, and_: str = "AND", or_: str = "OR"):
    """The backend's match expression for a query, or None when nothing in it can match.

    Negations are dropped rather than inverted: a page list of everything *not* containing a
    word is not a search result anyone asks for, and dropping keeps every input answerable.
    """
    if isinstance(query, str):
        query = PlainText(query)
    if isinstance(query, (PlainText, Phrase)):
        terms = analysis.query_terms(query.query_string)
        if not terms:
            return None
        operator = "OR" if str(getattr(query, "operator", "and")).upper() == "OR" else "AND"
        return render_terms(terms, operator)
    if isinstance(query, (And, Or)):
        parts = [compile_query(sub, render_terms, and_, or_) for sub in query.subqueries]
        parts = [part for part in parts if part]
        if not parts:
            return None
        joiner = f" {and_ if isinstance(query, And) else or_} "
        return joiner.join(f"({part})" for part in parts)
    if isinstance(query, Not):
        return None
    return None
