"""Chinese text analysis shared by indexing, querying and highlighting.

One normalisation and one tokenisation serve documents and queries alike, so a query matches a
document exactly when its normalised text is a substring of the document's normalised text:

- normalisation works character by character (NFKC folds full-width forms, OpenCC folds traditional
  to simplified, then case folding), so every normalised character maps back to one original
  character and highlights can be placed on the original text;
- tokenisation cuts the normalised text into runs of letters and digits and each run into
  overlapping character bigrams, plus the run's last character on its own. A query of two or more
  characters is the phrase of its bigrams (consecutive positions = a substring); a one-character
  query is a prefix match on tokens, since every character of a run starts exactly one token;
- for ranking only, each run is also segmented into jieba's dictionary words of two or more
  characters, stored after the bigrams as `word + WORD_MARK` (`社会w`). Every other token has one
  or two characters, so a word token never equals a bigram, and it starts with the word's first
  character, so a one-character prefix query still matches only pages holding that character.
  A query word's jieba words as a phrase of word tokens finds pages where it is a whole word
  (社会 in 社会保障) rather than spanning two (公社|会议); that is a ranking tier, always ANDed
  with the substring match, never a filter.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import jieba
from opencc import OpenCC

# Queries longer than this are cut: nobody types more, and it bounds the size of the FTS query.
MAX_QUERY_CHARS = 100

# Prefixed to title tokens so that titles have their own, short posting lists in an index that
# has one vocabulary for every column: "is it in a title?" then reads only title postings.
# A private-use character: normalisation drops those from any input, so no text can forge it.
TITLE_MARK = "\ue000"

# Marks a jieba word token (see the module docstring). A letter, so that FTS5 and PostgreSQL's
# parser keep it attached to the word (PostgreSQL drops private-use characters).
WORD_MARK = "w"

_t2s = OpenCC("t2s")
jieba.setLogLevel(60)  # its dictionary loading logs at INFO
# jieba's process-wide tokenizer loads its dictionary (~1 s, cached on disk) on first use only.
_segmenter = jieba.dt


def load_segmenter():
    """Load jieba's dictionary (35 MB), which segmentation otherwise loads on first use
    (`search.query.load_dictionaries`)."""
    _segmenter.initialize()


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


def run_spans(normalised: str) -> list[tuple[int, int]]:
    """[start, end) of each maximal run of letters and digits: punctuation and spaces separate
    them."""
    spans: list[tuple[int, int]] = []
    start = None
    for index, char in enumerate(normalised):
        if is_token_char(char):
            if start is None:
                start = index
        elif start is not None:
            spans.append((start, index))
            start = None
    if start is not None:
        spans.append((start, len(normalised)))
    return spans


def runs(normalised: str) -> list[str]:
    """Maximal runs of letters and digits: punctuation and spaces separate them."""
    return [normalised[start:end] for start, end in run_spans(normalised)]


def bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def trigrams(run: str) -> list[str]:
    return [run[i : i + 3] for i in range(len(run) - 2)]


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


def pieces(run: str) -> list[str]:
    """A run cut by jieba into its dictionary words, single characters included, in order (HMM
    off: the same words for a query and a document, whatever the context)."""
    return list(_segmenter.cut(run, HMM=False))


def segment(run: str) -> list[str]:
    """jieba's dictionary words of two or more characters in a run."""
    return [word for word in pieces(run) if len(word) >= 2]


def words(text: str) -> list[str]:
    """jieba's dictionary words of two or more characters in a text, in order."""
    return [word for run in runs(normalise(text)) for word in segment(run)]


def word_tokens(text: str) -> str:
    """The ranking-only word tokens of a text, separated by spaces (see WORD_MARK)."""
    return " ".join(word + WORD_MARK for word in words(text))


@dataclass(frozen=True)
class QueryTerm:
    """One run of the query: a phrase of bigrams, or a single character matched as a prefix;
    with `as_words`, the phrase of its jieba word tokens (a ranking tier)."""

    text: str
    as_words: bool = False

    @property
    def is_single_char(self) -> bool:
        return len(self.text) == 1 and not self.as_words

    @property
    def tokens(self) -> list[str]:
        if self.as_words:
            return [word + WORD_MARK for word in segment(self.text)]
        return [self.text] if self.is_single_char else bigrams(self.text)


def whole_word_terms(terms: list[QueryTerm]) -> list[QueryTerm] | None:
    """The terms as phrases of jieba words, or None when one of them holds no such word."""
    words = [QueryTerm(term.text, as_words=True) for term in terms]
    return words if words and all(word.tokens for word in words) else None


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
