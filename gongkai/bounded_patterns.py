"""The word lists' regular expressions (敏感词, 严重表述错误), bounded.

Administrators write these patterns and the scan runs them over any page's text, in requests
(submission, review, search suggestions) and in workers (the inspection). A pattern that
backtracks catastrophically held the CPU: `(红+)+星$` took 5 s for 26 characters with `re`,
minutes for 34. So a pattern with nested quantifiers is refused when saved
(`nested_quantifier`), and every match runs with the `regex` library's timeout: a pattern that
still runs away (an alternation under a quantifier, `(红|红红)+星$`, or a row stored past the
form) is cut off and logged, and finds nothing more in that text. A caller that must not take
"cut off" for "no match" (the inspection) passes `on_timeout` and reports it."""

import logging
from re import _constants as sre  # the stdlib parser: a pattern's grammar is `re`'s
from re import _parser

import regex

logger = logging.getLogger(__name__)

# One pattern over one text: far above what a sane pattern needs on a page, far below what a
# request can wait for.
MATCH_TIMEOUT_SECONDS = 0.25

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def _parts(value):
    if isinstance(value, _parser.SubPattern):
        yield value
    elif isinstance(value, (list, tuple)):
        for part in value:
            yield from _parts(part)


def _nested(parsed, under_quantifier):
    for op, value in parsed:
        quantifier = False
        if op in _REPEATS:
            low, high, _sub = value
            # A fixed count ({2}) repeats one way only; `?` at most once.
            quantifier = high > 1 and low != high
            if quantifier and under_quantifier:
                return True
        inside = under_quantifier or quantifier
        if any(_nested(part, inside) for part in _parts(value)):
            return True
    return False


def nested_quantifier(source):
    """Whether a quantifier holds another (`(红+)+`, `(红*)*`, `(?:红{1,9})+`): the shape that
    backtracks exponentially. `source` must compile with `re`."""
    return _nested(_parser.parse(source), under_quantifier=False)


class BoundedPattern:
    """A compiled pattern whose finditer() and search() stop after MATCH_TIMEOUT_SECONDS."""

    def __init__(self, source, flags=0):
        self.source = source
        self._compiled = regex.compile(source, flags | regex.V0)

    def _timed_out(self, text):
        logger.warning(
            "Pattern %r cut off after %s s on a text of %d characters",
            self.source,
            MATCH_TIMEOUT_SECONDS,
            len(text),
        )

    def finditer(self, text, on_timeout=None):
        """The matches; `on_timeout()` is called when the pattern is cut off in `text`."""
        try:
            yield from self._compiled.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            self._timed_out(text)
            if on_timeout is not None:
                on_timeout()

    def search(self, text):
        try:
            return self._compiled.search(text, timeout=MATCH_TIMEOUT_SECONDS)
        except TimeoutError:
            self._timed_out(text)
            return None


def bounded(source, ignore_case=True):
    return BoundedPattern(source, regex.IGNORECASE if ignore_case else 0)
