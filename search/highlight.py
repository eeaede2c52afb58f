"""Highlighting on the original text: `<mark>` around every place a query term occurs."""

import html

from django.utils.html import conditional_escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

from search import analysis

SNIPPET_CHARS = 120


def plain_text(value: str) -> str:
    """Rich text or HTML as the plain text a reader sees."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    parts, position = [], start
    for a, b in spans:
        if b <= start or a >= end:
            continue
        a, b = max(a, start), min(b, end)
        parts.append(conditional_escape(text[position:a]))
        parts.append(f"<mark>{conditional_escape(text[a:b])}</mark>")
        position = b
    parts.append(conditional_escape(text[position:end]))
    return "".join(parts)


def mark(text: str, terms: list[analysis.QueryTerm]) -> SafeString:
    """The whole text, escaped, with every match marked."""
    return mark_safe(_marked(text, analysis.match_spans(text, terms), 0, len(text)))


# How far a window's edge moves to the nearest space rather than cut a Latin word in two.
WORD_REACH = 20


def _inside_word(text: str, position: int) -> bool:
    """Whether `position` falls between two letters or digits of one Latin word (Chinese has no
    spaces between words: any character is an edge)."""
    before, after = text[position - 1 : position], text[position : position + 1]
    return all(char.isascii() and char.isalnum() for char in before + after) and bool(
        before and after
    )


def _word_edge(text: str, position: int, step: int, limit: int) -> int:
    """`position` moved by `step` to the nearest edge of a word, no further than `limit`; where
    no edge is within reach (a long address), `position` as it was."""
    moved = position
    while _inside_word(text, moved):
        if moved == limit or abs(moved - position) >= WORD_REACH:
            return position
        moved += step
    return moved


def snippet(text: str, terms: list[analysis.QueryTerm], size: int = SNIPPET_CHARS) -> SafeString:
    """A window of the text around its first match (or its beginning), matches marked; in
    English the window begins and ends between words."""
    spans = analysis.match_spans(text, terms)
    start = max(0, spans[0][0] - size // 3) if spans else 0
    end = min(len(text), start + size)
    start = _word_edge(text, start, 1, spans[0][0] if spans else end)
    end = _word_edge(text, end, -1, spans[0][1] if spans else start)
    body = _marked(text, spans, start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + body + suffix)
