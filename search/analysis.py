"""Chinese text analysis shared by indexing, querying and highlighting.

One normalisation and one tokenisation serve documents and queries alike, so a query matches a
document exactly when its normalised text is a substring of the document's normalised text:

- normalisation works character by character (NFKC folds full-width forms, OpenCC folds traditional
  to simplified, then case folding), so every normalised character maps back to one original
  character and highlights can be placed on the original text;
- tokenisation cuts the normalised text into runs of letters and digits and each run into
  overlapping character bigrams, plus the run's last character on its own. A query of two or more
  characters is the phrase of its bigrams (consecutive positions = a substring); a one-character
  query is a prefix match on tokens, since every character of a run starts exactly one token.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from opencc import OpenCC

# Queries longer than this are cut: nobody types more, and it bounds the size of the FTS query.
MAX_QUERY_CHARS = 100

# Prefixed to title tokens so that titles have their own, short posting lists in an index that
# has one vocabulary for every column: "is it in a title?" then reads only title postings.
# A private-use character: normalisation drops those from any input, so no text can forge it.
TITLE_MARK = "\ue000"

_t2s = OpenCC("t2s")


@lru_cache(maxsize=65536)
def normalise_char(char: str) -> str:
    """The normalised form of one character: '' for characters that never take part in a match."""
    if char.isspace():
        return " "
    if not char.isprintable():
        return ""  # control characters, lone surrogates, unassigned code points
    folded = unicodedata.normalize("NFKC", char)
    folded = "".join(_t2s.convert(c) for c in folded)
    return folded.casefold()


def is_token_char(char: str) -> bool:
    return char.isalnum()


@dataclass(frozen=True)
class NormalisedText:
    """Normalised text with, for each of its characters, the index of the original character."""

    text: str
    origins: tuple[int, ...]


def normalise_with_offsets(text: str) -> NormalisedText:
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        for folded in normalise_char(char):
            chars.append(folded)
            origins.append(index)
    return NormalisedText("".join(chars), tuple(origins))


def normalise(text: str) -> str:
    return "".join(normalise_char(char) for char in text)


def runs(normalised: str) -> list[str]:
    """Maximal runs of letters and digits: punctuation and spaces separate them."""
    result: list[str] = []
    current: list[str] = []
    for char in normalised:
        if is_token_char(char):
            current.append(char)
        elif current:
            result.append("".join(current))
            current = []
    if current:
        result.append("".join(current))
    return result


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def document_tokens(text: str) -> list[str]:
    """Index tokens of a text: each run's bigrams followed by its last character."""
    tokens: list[str] = []
    for run in runs(normalise(text)):
        tokens.extend(bigrams(run))
        tokens.append(run[-1])
    return tokens


def analyse_document(text: str, mark: str = "") -> str:
    """The text stored in the index: tokens, each prefixed by `mark`, separated by spaces."""
    return " ".join(mark + token for token in document_tokens(text))


@dataclass(frozen=True)
class QueryTerm:
    """One run of the query: a phrase of bigrams, or a single character matched as a prefix."""

    text: str

    @property
    def is_single_char(self) -> bool:
        return len(self.text) == 1

    @property
    def tokens(self) -> list[str]:
        return [self.text] if self.is_single_char else bigrams(self.text)


def query_terms(query: str) -> list[QueryTerm]:
    """The runs of a query, in order, without repeats; every term must match (AND)."""
    seen: dict[str, None] = {}
    for run in runs(normalise(query[:MAX_QUERY_CHARS])):
        seen.setdefault(run, None)
    return [QueryTerm(run) for run in seen]


def fts5_match_expression(terms: list[QueryTerm], operator: str = "AND", mark: str = "") -> str:
    """An FTS5 MATCH string. Tokens hold only letters and digits, so quoting them is always safe."""
    parts = []
    for term in terms:
        if term.is_single_char:
            parts.append(f'"{mark}{term.text}"*')
        else:
            parts.append('"' + " ".join(mark + token for token in term.tokens) + '"')
    return f" {operator} ".join(parts)


def joined_phrase(terms: list[QueryTerm]) -> QueryTerm | None:
    """The terms written together as one phrase (`老旧小区 改造` → `老旧小区改造`), for ranking
    pages holding the words side by side above pages where they are scattered."""
    if len(terms) < 2:
        return None
    return QueryTerm("".join(term.text for term in terms))


def match_spans(text: str, terms: list[QueryTerm]) -> list[tuple[int, int]]:
    """Spans [start, end) of the original text where a query term occurs, merged and sorted."""
    normalised = normalise_with_offsets(text)
    spans = []
    for term in terms:
        for found in re.finditer(re.escape(term.text), normalised.text):
            start = normalised.origins[found.start()]
            end = normalised.origins[found.end() - 1] + 1
            spans.append((start, end))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
