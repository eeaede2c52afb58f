"""From what a citizen typed to the search query run: words, their alternatives, the terms to mark.

Each typed word matches itself or one of its alternatives:
- its synonyms (`search.models.Synonym`, the thesaurus offices edit: 低保 → 最低生活保障), also
  inside a longer word (低保申请 → 最低生活保障申请);
- its mainland wording when it is written the Taiwan way (OpenCC's `tw2sp` phrase conversion:
  資訊 → 信息, 網路 → 网络), also when the Taiwan word was typed in simplified characters
  (资讯 → 信息: converted back to traditional first). The index keeps its per-character folding
  (資訊 is stored as 资讯), so highlights stay exact; the phrase conversion only adds an
  alternative at query time.

The typed word is boosted among its alternatives: the engines weigh the boost, the database
backends rank every page matching the words as typed above pages found only through an
alternative (`search.backends.common.preferred`).
"""

from dataclasses import dataclass
from functools import lru_cache

from modelsearch.query import And, Boost, Or, PlainText
from opencc import OpenCC

from gongkai.page_cache import remember_under_site_token
from search import analysis
from search.backends.common import MostWords
from search.models import Synonym

# How much more the engines weigh a page matching the typed word than one matching only an
# alternative; the database backends rank them in separate tiers instead.
TYPED_WORD_BOOST = 10.0
# Alternatives per typed word, to bound the size of the query sent to the index.
MAX_ALTERNATIVES = 12


@lru_cache(maxsize=2)
def _converter(config: str) -> OpenCC:
    # Loaded on first use: the phrase dictionaries take a moment and most queries never need them.
    return OpenCC(config)


def load_dictionaries():
    """Load what a search loads on first use (jieba's dictionary: 35 MB; OpenCC's tw2sp).
    gunicorn's master calls it with --preload (deploy/gunicorn.conf.py), so that its workers
    share one copy instead of each loading its own after the fork."""
    analysis.load_segmenter()
    regional_form("資訊")


def regional_form(word: str) -> str | None:
    """The mainland wording of a word written the Taiwan/Hong Kong way, or None when the
    index's per-character folding already gives the same text. A Taiwan word typed in
    simplified characters (资讯, what a per-character conversion of 資訊 gives) is read through
    its traditional spelling: `tw2sp` only knows the phrase as Taiwan writes it."""
    tw2sp = _converter("tw2sp")
    for spelling in (word, _converter("s2t").convert(word)):
        converted = tw2sp.convert(spelling)
        if analysis.normalise(converted) != analysis.normalise(word):
            return converted
    return None


@dataclass(frozen=True)
class Thesaurus:
    # Normalised word -> every word of its groups (itself included), their mistypings last:
    # a mistyping finds what its group finds, and the group finds the pages that mistype it.
    table: dict[str, list[str]]
    mistyped: frozenset[str]  # the normalised mistypings: searched, never shown as words


def thesaurus() -> Thesaurus:
    """The synonym groups as queries read them. Do not modify it.

    Kept in each process while the site's token holds: the groups are snippets, and a snippet's
    change renews the site's token (gongkai/page_cache.py), so an office's edit applies at once
    in every worker. Normalising their ~600 words is memoised on what was read.
    """
    return remember_under_site_token("thesaurus", _read_thesaurus)


def _read_thesaurus() -> Thesaurus:
    return _thesaurus(tuple(Synonym.objects.order_by("pk").values_list("words", "mistypings")))


@lru_cache(maxsize=4)
def _thesaurus(groups: tuple[tuple[str, str], ...]) -> Thesaurus:
    table: dict[str, list[str]] = {}
    mistyped: set[str] = set()
    for text, mistypings in groups:
        group = Synonym(words=text, mistypings=mistypings)
        mistakes = group.mistyping_list()
        mistyped.update(analysis.normalise(word) for word in mistakes)
        words = group.word_list() + mistakes
        for word in words:
            bucket = table.setdefault(analysis.normalise(word), [])
            bucket.extend(w for w in words if w not in bucket)
    return Thesaurus(table, frozenset(mistyped))


def synonyms_of(word: str, table: dict[str, list[str]]) -> list[str]:
    """The thesaurus forms of a word: its groups when it is a thesaurus word, otherwise the word
    with a thesaurus word inside it replaced (低保申请 → 最低生活保障申请), unless the word
    already holds the longer form (住房公积金 holds 住房公积金, so 公积金 is not expanded in it)."""
    normalised = analysis.normalise(word)
    if normalised in table:
        return list(table[normalised])
    found = []
    for key in sorted(table, key=len, reverse=True):
        if len(key) < 2 or key not in normalised:
            continue
        others = [analysis.normalise(w) for w in table[key]]
        if any(key in other and other in normalised for other in others if other != key):
            continue
        found.extend(normalised.replace(key, other) for other in others if other != key)
    return found


def alternatives_of(word: str, table: dict[str, list[str]]) -> tuple[str, ...]:
    """The word as typed, then its regional form and the synonyms of both, without repeats."""
    forms = [word]
    regional = regional_form(word)
    if regional:
        forms.append(regional)
    for form in list(forms):
        forms.extend(synonyms_of(form, table))
    unique: dict[str, str] = {}
    for form in forms:
        unique.setdefault(analysis.normalise(form), form)
    return tuple(unique.values())[: MAX_ALTERNATIVES + 1]


def word_query(words: tuple[str, ...]):
    """A typed word and its alternatives: the typed word boosted among them."""
    if len(words) == 1:
        return PlainText(words[0])
    return Or([Boost(PlainText(words[0]), TYPED_WORD_BOOST), *(PlainText(w) for w in words[1:])])


@dataclass(frozen=True)
class ExpandedQuery:
    text: str  # what was typed
    alternatives: tuple[tuple[str, ...], ...]  # for each word searched: it, then its alternatives
    mistyped: frozenset[str] = frozenset()  # the thesaurus's mistypings, normalised
    # A retry (search/retries.py): the words searched are not the words as typed.
    rewritten: bool = False
    # At least this many of the words must match (a retry's last resort); None: every word.
    minimum: int | None = None

    @property
    def search_query(self):
        """Every word must match (at least `minimum` of them), through itself or any of its
        alternatives."""
        groups = [word_query(words) for words in self.alternatives]
        if len(groups) == 1:
            return groups[0]
        return And(groups) if self.minimum is None else MostWords(groups, self.minimum)

    @property
    def highlight_terms(self) -> list[analysis.QueryTerm]:
        return analysis.query_terms(" ".join(w for words in self.alternatives for w in words))

    @property
    def words(self) -> list[str]:
        return [words[0] for words in self.alternatives]

    @property
    def also_searched(self) -> list[str]:
        """The full forms and regional alternatives searched besides the typed words (低保 →
        最低生活保障): the results page names them, so that highlights of words the visitor
        never typed make sense. A mistyping is searched but not named, nor a longer word it
        was put into (低保申请 → 低报申请): it is no word to learn."""
        typed = set(self.words)
        also = (word for words in self.alternatives for word in words[1:])
        return [
            word
            for word in dict.fromkeys(also)
            if word not in typed and not self.holds_a_mistyping(word)
        ]

    def holds_a_mistyping(self, word: str) -> bool:
        normalised = analysis.normalise(word)
        return any(mistyping in normalised for mistyping in self.mistyped)


def expand(text: str) -> ExpandedQuery | None:
    """The query for a typed text, or None when it holds nothing searchable."""
    text = text[: analysis.MAX_QUERY_CHARS]
    return expand_words(text, text.split())


def expand_words(text: str, words: list[str], **retry) -> ExpandedQuery | None:
    """The query searching `words` for the typed `text` (a retry says how: `rewritten`,
    `minimum`), or None when the words hold nothing searchable."""
    words = [word for word in words if analysis.query_terms(word)]
    if not words:
        return None
    groups = thesaurus()
    return ExpandedQuery(
        text,
        tuple(alternatives_of(word, groups.table) for word in dict.fromkeys(words)),
        groups.mistyped,
        **retry,
    )
