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


def snippet(text: str, terms: list[analysis.QueryTerm], size: int = SNIPPET_CHARS) -> SafeString:
    """A window of the text around its first match (or its beginning), matches marked."""
    spans = analysis.match_spans(text, terms)
    start = max(0, spans[0][0] - size // 3) if spans else 0
    end = min(len(text), start + size)
    body = _marked(text, spans, start, end)
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    return mark_safe(prefix + body + suffix)
