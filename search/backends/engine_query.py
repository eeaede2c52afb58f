"""The search engines' query: the database backends' semantics in Elasticsearch/OpenSearch DSL.

Wagtail's engine compiler sends a plain word list as one `match` (its analysed tokens ORed), so
with bigram tokens `金支出` found every page holding 金支 or 支出, and the top ten held pages
without the word. Here, as in the database backends (`common.compile_query`):
- every query word (a run of `analysis.query_terms`) is a `match_phrase`, which on the
  substring analysis of search/engine.py matches exactly where the word is a substring; the words
  are ANDed (ORed for an OR query), and they go into the bool query's `filter`, so they decide
  what matches and nothing else;
- the ranking tiers of the database backends (`common.ranking_tiers`: words side by side in the
  title, all words in the title, side by side in the text; the words as typed before a synonym or
  a regional form) are `should` clauses, each a `constant_score` worth twice the sum of every
  tier below it, so a page's score orders it by the best tier it reaches, as the database walks
  them. The jieba-word tier has no tokens in an engine index and is left out. Within a tier the
  newest publication comes first (`newest_first_sort`).

Pure functions of the query tree and field names, without Django, so bench/ sends the very
queries the backends send.
"""

from modelsearch.query import MatchAll

from search import analysis
from search.backends.common import WholeWords, ranking_tiers, walk_query

MATCH_NONE = {"bool": {"must_not": {"match_all": {}}}}


def any_of(clauses: list[dict]) -> dict:
    return (
        clauses[0]
        if len(clauses) == 1
        else {"bool": {"should": clauses, "minimum_should_match": 1}}
    )


def all_of(clauses: list[dict]) -> dict:
    return clauses[0] if len(clauses) == 1 else {"bool": {"filter": clauses}}


def word_clause(term: analysis.QueryTerm, fields: list[str]) -> dict:
    """One query word as a substring of any of the fields. The word is sent normalised, as the
    database backends match it (the engine's analysis folds width and case again)."""
    return any_of([{"match_phrase": {field: term.text}} for field in fields])


def match_clause(query, fields: list[str]) -> dict | None:
    """The clause every result must satisfy, or None when nothing in the query can match
    (the walk of `common.walk_query`: negations dropped, a boost's subquery walked; the typed
    word's boost is a preference among matches, which the tiers below carry)."""

    def words(terms, operator):
        clauses = [word_clause(term, fields) for term in terms]
        return any_of(clauses) if operator == "OR" else all_of(clauses)

    return walk_query(query, words=words, all_of=all_of, any_of=any_of)


def tier_clauses(query, text_fields: list[str], title_fields: list[str], match: dict) -> list:
    """The ranking tiers as filters, best first, without the tiers every match satisfies."""
    title_only = set(text_fields) == set(title_fields)
    clauses: list[dict] = []
    for in_title, tier in ranking_tiers(query, title_only=title_only):
        if tier is None or isinstance(tier, WholeWords):
            continue
        fields = title_fields if in_title else text_fields
        if not fields:
            continue
        clause = match_clause(tier, fields)
        if clause is not None and clause != match and clause not in clauses:
            clauses.append(clause)
    return clauses


def search_query(query, text_fields: list[str], title_fields: list[str]) -> dict:
    """The inner query of a search: what must match (filter), ranked by tiers (should).

    `text_fields` answer "does the page match?" (`_all_text` holds title, text and attachments);
    `title_fields` hold the title alone, for the title tiers (none for a model without one).
    """
    if isinstance(query, MatchAll):
        return {"match_all": {}}
    match = match_clause(query, text_fields)
    if match is None:
        return MATCH_NONE
    tiers = tier_clauses(query, text_fields, title_fields, match)
    compiled: dict = {"bool": {"filter": [match]}}
    if tiers:
        compiled["bool"]["should"] = [
            {"constant_score": {"filter": clause, "boost": float(2 ** (len(tiers) - rank))}}
            for rank, clause in enumerate(tiers)
        ]
    else:
        # Every match scores the same; a constant score keeps it positive for the sort.
        compiled = {"constant_score": {"filter": match, "boost": 1.0}}
    return compiled


def newest_first_sort(date_field: str | None) -> list | None:
    """Relevance, then (within a tier) the newest publication first, as the database backends
    order a tier; None (the engine's default, by score) for a model without a publication date."""
    if date_field is None:
        return None
    return ["_score", {date_field: {"order": "desc", "missing": "_last"}}]
