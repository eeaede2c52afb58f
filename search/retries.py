"""What a search that finds nothing as typed is retried as.

Each word typed is matched as a substring (search/analysis.py), and Chinese is typed without
spaces, often as a question: 低保申请材料 or 我想申请低保需要什么材料 is one word to the index, and
no page holds it, although the 低保 办事指南 holds 低保 (through 最低生活保障), 申请 and 材料. So,
only when the query as typed finds nothing, the search page (search/views.py) tries in turn:

1. each typed word that repeats itself (垃圾分类垃圾分类) once, still as a substring;
2. the query's content words (`content_words`): jieba's words of what was typed, without the
   question and function words of `QUESTION_WORDS`, each once, every one required;
3. when there are two or more, pages holding at least half of them, ranked by how many they hold
   (`search.backends.common.MostWords`).

It stops at the first that finds a page, and the page says what was searched instead. Each step
is an ordinary query of the index on every backend, built only after the previous one found
nothing, so a search that finds pages as typed costs nothing more.
"""

import re
from collections.abc import Iterator

from search import analysis
from search.query import ExpandedQuery, expand_words

# Words a citizen puts around what is searched for when asking a question: who asks, the
# question words, particles, "need", "want", "about". None of them says what a page is about, and
# requiring them finds nothing (我想申请低保需要什么材料). Only whole jieba words are dropped: 对
# goes, 对象 stays.
QUESTION_WORDS_LISTED = """
我 我们 你 你们 您 他 她 它 他们 咱们 本人 自己
想 想要 要 需要 需 请 请问 问 问一下 咨询一下 了解 了解一下 知道 想知道 查 查一下 看看 一下
怎么 怎么样 怎样 如何 怎么办 怎么弄 咋 咋办 为什么 为何 什么 什么样 啥 哪 哪里 哪儿 哪些 哪个
在哪 在哪里 在哪儿 去哪 去哪里 多少 多久 几 几个 谁 何时 什么时候 时候 是否 能否 可否 有没有 是不是
能不能 可不可以 可以 能 能够 会 应该 该 得 必须
吗 呢 吧 啊 呀 嘛 哦 哈 么
的 地 了 着 过 是 有 在 和 与 及 以及 或 或者 还是 跟 同 都 也 就 还 又 才 再 很 最
去 到 给 把 被 对 从 向 让 由 为 于 关于 有关 相关 这 那 这个 那个 这些 那些 一些 一个 一
"""
QUESTION_WORDS = frozenset(QUESTION_WORDS_LISTED.split())

# At most this many content words are searched (the first ones): at least half of six words is
# twenty ways to choose them, which bounds the size of the last retry's query.
MAX_WORDS = 6

REPEATED = re.compile(r"(.{2,}?)\1+", re.DOTALL)
# A run of letters and digits as typed (the runs analysis.runs cuts, before normalisation).
TYPED_RUN = re.compile(r"[^\W_]+")


def once(run: str) -> str:
    """A run that repeats a text of two characters or more, that text (垃圾分类垃圾分类 →
    垃圾分类); any other run as it is. Single characters repeated are words of their own
    (常常, 看看), and so are numbers (2020, 1212)."""
    repeated = REPEATED.fullmatch(run)
    return repeated[1] if repeated and not run.isdigit() else run


def runs_once(text: str) -> list[str]:
    """The runs of the text as typed, each repeated text once, each run once
    (垃圾分类，垃圾分类 → 垃圾分类)."""
    unique: dict[str, str] = {}
    for run in TYPED_RUN.findall(text):
        unique.setdefault(analysis.normalise(once(run)), once(run))
    return list(unique.values())


def typed_pieces(text: str) -> list[tuple[str, str]]:
    """(normalised, as typed) of each jieba piece of the text's runs, in order. jieba reads the
    normalised text (simplified, half-width), the piece is given back in the spelling typed."""
    normalised = analysis.normalise_with_offsets(text)
    found = []
    for start, end in analysis.run_spans(normalised.text):
        for piece in analysis.pieces(normalised.text[start:end]):
            last = start + len(piece) - 1
            found.append((piece, text[normalised.origins[start] : normalised.origins[last] + 1]))
            start = last + 1
    return found


def content_words(text: str) -> list[str]:
    """The words a query is about: jieba's words of each run without `QUESTION_WORDS`, each
    once, at most `MAX_WORDS`, in the spelling typed.

    Single characters in a row are kept together as one word (jieba knows no 老旧, nor many
    place names: 老/旧, and a name of characters it does not know comes out as single
    characters); a word of one character is dropped when a longer one remains (公 in 公/租房,
    年 in 2023/年: one character matches nearly every page and decides nothing).
    """
    words: list[tuple[str, str]] = []
    group: list[tuple[str, str]] = []

    def close_group():
        if group:
            words.append(("".join(n for n, _ in group), "".join(t for _, t in group)))
            group.clear()

    for normalised, typed in typed_pieces(text):
        if normalised in QUESTION_WORDS:
            close_group()
        elif len(normalised) == 1:
            group.append((normalised, typed))
        else:
            close_group()
            words.append((normalised, typed))
    close_group()
    if any(len(normalised) > 1 for normalised, _ in words):
        words = [(normalised, typed) for normalised, typed in words if len(normalised) > 1]
    unique: dict[str, str] = {}
    for normalised, typed in words:
        unique.setdefault(normalised, typed)
    return list(unique.values())[:MAX_WORDS]


def searched_terms(words: list[str]) -> list[str]:
    """What the index is asked for the words (each run of each word), to tell whether a retry
    would ask anything new."""
    return [term.text for word in words for term in analysis.query_terms(word)]


def attempts(expanded: ExpandedQuery) -> Iterator[ExpandedQuery]:
    """The query as typed, then its retries in order (see the module docstring), each built
    only when asked for: the caller stops at the first that finds a page."""
    yield expanded
    text = expanded.text
    tried = searched_terms(expanded.words)
    typed = runs_once(text)
    if typed and searched_terms(typed) != tried:
        yield expand_words(text, typed, rewritten=True)
        tried = searched_terms(typed)
    words = content_words(" ".join(typed))
    if words and searched_terms(words) != tried:
        yield expand_words(text, words, rewritten=True)
    if len(words) >= 2:
        yield expand_words(text, words, rewritten=True, minimum=(len(words) + 1) // 2)
