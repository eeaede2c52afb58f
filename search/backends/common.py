"""What every Chinese-aware backend needs from a modelsearch query object."""

from dataclasses import dataclass

from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText


@dataclass(frozen=True)
class QueryText:
    text: str
    operator: str = "AND"
    match_all: bool = False


def _texts(query) -> list[str]:
    if isinstance(query, (PlainText, Phrase)):
        return [query.query_string]
    if isinstance(query, (And, Or)):
        return [text for sub in query.subqueries for text in _texts(sub)]
    # Negations cannot narrow a substring search usefully; they are dropped, not inverted.
    return []


def query_text(query) -> QueryText:
    """The plain text to analyse, and whether its terms are ANDed or ORed."""
    if isinstance(query, MatchAll):
        return QueryText("", match_all=True)
    if isinstance(query, str):
        return QueryText(query)
    if isinstance(query, Not):
        return QueryText("")
    operator = "AND"
    if isinstance(query, Or) or (
        isinstance(query, PlainText) and str(query.operator).upper() == "OR"
    ):
        operator = "OR"
    return QueryText(" ".join(_texts(query)), operator)
