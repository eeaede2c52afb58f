"""A text rewritten for reading that still knows where each of its characters came from.

R6 reads a report's prose after NFKC, without a PDF's spaces, with thousands separators
removed and a year in numerals in digits; a finding must still quote the report's own words
(the county compares the quote with the published text), so every rewrite keeps, for each
character, the span of the original it stands for.
"""

import re
import unicodedata
from dataclasses import dataclass


@dataclass(frozen=True)
class MappedText:
    original: str
    text: str
    spans: tuple  # (start, end) in ``original`` of each character of ``text``

    @classmethod
    def nfkc(cls, original):
        """Each character in its NFKC form (one character may become several: ㈠ is "(一)")."""
        text, spans = [], []
        for index, character in enumerate(original or ""):
            normal = unicodedata.normalize("NFKC", character)
            text.append(normal)
            spans.extend([(index, index + 1)] * len(normal))
        return cls(original or "", "".join(text), tuple(spans))

    def sub(self, pattern, replacement):
        """``re.sub`` keeping the map: a replacement as long as its match maps character for
        character; otherwise each of its characters stands for the whole match."""
        pattern = re.compile(pattern) if isinstance(pattern, str) else pattern
        return self.replace(
            (
                m.start(),
                m.end(),
                m.expand(replacement) if isinstance(replacement, str) else replacement(m),
            )
            for m in pattern.finditer(self.text)
        )

    def replace(self, replacements):
        """The text with each ``(start, end, new text)`` (in order, not overlapping) put in."""
        text, spans, position = [], [], 0
        for start, end, new in replacements:
            text.append(self.text[position:start])
            spans.extend(self.spans[position:start])
            if len(new) == end - start:
                spans.extend(self.spans[start:end])
            elif new:
                whole = (self.spans[start][0], self.spans[end - 1][1])
                spans.extend([whole] * len(new))
            text.append(new)
            position = end
        text.append(self.text[position:])
        spans.extend(self.spans[position:])
        return MappedText(self.original, "".join(text), tuple(spans))

    def quote(self, start, end):
        """The original words that ``text[start:end]`` was read from."""
        if start >= end:
            return ""
        return self.original[self.spans[start][0] : self.spans[end - 1][1]]
