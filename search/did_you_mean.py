"""Did you mean (您是不是要找): texts close to a query that found nothing, which do find pages.

Drawn only from text the site vouches for — the thesaurus (`search.models.Synonym`) and the
titles of the pages the caller's queryset admits (the search page passes `public_pages()`:
live, public, in the visitor's language) — never from visitors' queries, so nothing anyone
types can be shown to others, and no draft, private page or page of another language can
lend its title.
"""

import difflib

from modelsearch.query import Or, PlainText

from search import analysis
from search.query import expand, thesaurus
from search.suggestions import allowed_suggestions

LIMIT = 3
# How close a thesaurus word must be (difflib's ratio on the normalised texts): 最低生活保账 →
# 最低生活保障; and how much of the typed text a title must hold, in order (低保申清 →
# 低保申请须知: 3 of 4 characters). A title is longer than a query, so its ratio would be low.
WORD_CUTOFF = 0.6
TITLE_COVERAGE = 0.75
# Titles sharing a character pair with the query read as candidates, newest first.
TITLE_CANDIDATES = 50
# Character pairs of the query used to find candidate titles.
MAX_PAIRS = 20


def title_candidates(pages, typed: str) -> list[str]:
    """Titles of pages in `pages` that share at least one character pair with the typed text."""
    pairs = list(dict.fromkeys(p for run in analysis.runs(typed) for p in analysis.bigrams(run)))
    if not pairs:
        return []
    query = Or([PlainText(pair) for pair in pairs[:MAX_PAIRS]])
    return [page.title for page in pages.search(query, fields=["title"])[:TITLE_CANDIDATES]]


def finds_pages(pages, text: str) -> bool:
    expanded = expand(text)
    return expanded is not None and bool(pages.search(expanded.search_query)[:1])


def closeness(typed: str, candidate: str, is_title: bool) -> float:
    matcher = difflib.SequenceMatcher(None, typed, candidate)
    if is_title:
        held = sum(block.size for block in matcher.get_matching_blocks()) / len(typed)
        return held if held >= TITLE_COVERAGE else 0.0
    ratio = matcher.ratio()
    return ratio if ratio >= WORD_CUTOFF else 0.0


def did_you_mean(pages, query_text: str) -> list[str]:
    """Up to LIMIT thesaurus words or page titles close to `query_text` that find pages."""
    typed = analysis.normalise("".join(query_text.split()))
    if len(typed) < 2:
        return []
    # normalised text -> (shown text, is a title of a page in `pages`)
    candidates: dict[str, tuple[str, bool]] = {}
    for title in title_candidates(pages, typed):
        candidates.setdefault(analysis.normalise("".join(title.split())), (title, True))
    groups = thesaurus()
    for words in groups.table.values():
        for word in words:
            if analysis.normalise(word) not in groups.mistyped:
                candidates.setdefault(analysis.normalise(word), (word, False))
    candidates.pop(typed, None)
    scored = sorted(
        (
            (closeness(typed, text, is_title), shown, is_title)
            for text, (shown, is_title) in candidates.items()
        ),
        key=lambda item: -item[0],
    )
    # A title is a page of `pages`; a thesaurus word is offered only if it finds one.
    found = [
        shown
        for score, shown, is_title in scored[: 4 * LIMIT]
        if score and (is_title or finds_pages(pages, shown))
    ]
    return allowed_suggestions(found)[:LIMIT]
