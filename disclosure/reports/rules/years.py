"""A report's year as offices write it: 2023, "2023年", "2023年度", "二〇二三年" (a year in
Chinese numerals is read digit by digit: 二〇二三, 二零二三), full-width "２０２３". The zero of a
year in numerals is typed with whatever circle an input method offers: 〇 (U+3007, the right
one), ○ (U+25CB), ◯ (U+25EF), ⚪, the letter O/o (Latin, full-width Ｏ, Greek, Cyrillic) or
零; all are read as 〇, but only within four numerals in a row ("OA系统" stays as it is).

One reading for the workbook's 报告年度 cell (``read_year``: the whole cell is a year) and for a
report's title (``year_in``: the year the title names), so that every way in checks the same
year whatever way it was written.
"""

import math
import re
import unicodedata
from decimal import Decimal

_ZEROS = "〇零○◯⚪OoΟοОо0"  # 0: "二0二三", a digit among numerals (after NFKC: ０ and Ｏ too)
_NUMERALS = _ZEROS + "一二三四五六七八九"
_DIGIT_OF = str.maketrans(_NUMERALS, "0" * len(_ZEROS) + "123456789")
# Four numerals in a row are a year ("二〇二三"); a lone numeral elsewhere ("第一", "五一镇") is
# left alone.
_NUMERAL_YEAR = re.compile(rf"(?<![{_NUMERALS}])[{_NUMERALS}]{{4}}(?![{_NUMERALS}])")
_YEAR = r"(?:19|20)[0-9]{2}"
_WHOLE_YEAR = re.compile(rf"{_YEAR}")
_YEAR_IN_TEXT = re.compile(rf"(?<![0-9])(?P<year>{_YEAR})(?=\s*年)")


def _digits(text):
    """NFKC (full-width digits become ASCII) and a year in Chinese numerals in digits."""
    text = unicodedata.normalize("NFKC", text)
    return _NUMERAL_YEAR.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)


def read_year(value):
    """The year a cell holds, or None when it holds no year (blank included)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, float | Decimal):
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite or value != int(value):
            return None
        value = int(value)
    if isinstance(value, int):
        return value if _WHOLE_YEAR.fullmatch(str(value)) else None
    if not isinstance(value, str):
        return None
    text = _digits(re.sub(r"\s+", "", value))
    text = re.sub(r"年度?$", "", text)
    return int(text) if _WHOLE_YEAR.fullmatch(text) else None


def year_in(text):
    """``(year, words before it)`` of the first year the text names ("…2023年…",
    "…二〇二三年度…"), the words after NFKC; ``(None, text)`` when it names none."""
    normalised = _digits(text or "")
    match = _YEAR_IN_TEXT.search(normalised)
    if match is None:
        return None, normalised
    return int(match["year"]), normalised[: match.start()]


# A year in numerals as a clause of prose opens with it ("二〇二二年，…"), for R6: the four
# numerals only before 年, and only when they make a year.
_NUMERAL_YEAR_IN_PROSE = re.compile(rf"{_NUMERAL_YEAR.pattern}(?=年)")


def numeral_year_spans(text):
    """``(start, end, "2022")`` for each year written in numerals before 年 in ``text`` (after
    NFKC); the digits replace the numerals one for one, so positions in the text are kept."""
    for match in _NUMERAL_YEAR_IN_PROSE.finditer(text):
        digits = match.group(0).translate(_DIGIT_OF)
        if _WHOLE_YEAR.fullmatch(digits):
            yield match.start(), match.end(), digits
