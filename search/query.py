"""From what a citizen typed to the search query run: words, synonyms, and the terms to mark."""

from dataclasses import dataclass

from modelsearch.query import And, Or, PlainText

from search import analysis
from search.models import Synonym


def synonym_table() -> dict[str, list[str]]:
    """Normalised word -> every word of its groups (itself included)."""
    table: dict[str, list[str]] = {}
    for group in Synonym.objects.all():
        words = group.word_list()
        for word in words:
            bucket = table.setdefault(analysis.normalise(word), [])
            bucket.extend(w for w in words if w not in bucket)
    return table


@dataclass(frozen=True)
class ExpandedQuery:
    text: str
    alternatives: tuple[tuple[str, ...], ...]  # for each word typed: it and its synonyms

    @property
    def search_query(self):
        """Every typed word must match, through itself or any of its synonyms."""
        groups = [Or([PlainText(word) for word in words]) for words in self.alternatives]
        return And(groups) if len(groups) > 1 else groups[0]

    @property
    def highlight_terms(self) -> list[analysis.QueryTerm]:
        return analysis.query_terms(" ".join(w for words in self.alternatives for w in words))

    @property
    def words(self) -> list[str]:
        return [words[0] for words in self.alternatives]


def expand(text: str) -> ExpandedQuery | None:
    """The query for a typed text, or None when it holds nothing searchable."""
    text = text[: analysis.MAX_QUERY_CHARS]
    words = [word for word in text.split() if analysis.query_terms(word)]
    if not words:
        return None
    table = synonym_table()
    alternatives = []
    for word in dict.fromkeys(words):
        found = table.get(analysis.normalise(word), [])
        alternatives.append((word, *(w for w in found if w != word)))
    return ExpandedQuery(text, tuple(alternatives))
