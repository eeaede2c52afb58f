"""What a table cell may hold, and reading a cell from whatever a person or a file wrote in it.

One definition for every way in (the admin form, an uploaded workbook, the checker command, the
text importer), so that a value the rules accept is a value every renderer can print:

- a count is a whole number from 0 to ``MAX_COUNT``, written in ASCII digits without a sign
  (``"-0"``, ``"1e3"``, ``"３"``, ``"Infinity"`` and ``"NaN"`` are not counts);
- a change (本年增/减, 2019 format) is a whole number that may be negative, but not ``-0``;
- an amount (万元) is a finite decimal from 0 to ``MAX_AMOUNT`` with at most ``AMOUNT_PLACES``
  decimals.

``parse`` never raises: what is not a valid value comes back as the text that was written, so
that rule R7 can name the cell and show what it found; a blank comes back as ``None``.
"""

import math
import re
from decimal import Decimal

from disclosure.statutory import tables as t

# Twelve digits: far above any real count (a province's 行政处罚 are in the millions), below the
# 15 significant digits a spreadsheet keeps and the 2**53 a browser's number keeps exactly.
MAX_COUNT = 999_999_999_999
AMOUNT_PLACES = 4
AMOUNT_DIGITS = 14  # as the admin's DecimalField: ten digits before the point, four after
MAX_AMOUNT = Decimal("9999999999.9999")

# ASCII only: Python's int() and Decimal() also read full-width and other Unicode digits.
_COUNT_TEXT = re.compile(r"[0-9]+")
_CHANGE_TEXT = re.compile(r"-?[0-9]+")
_AMOUNT_TEXT = re.compile(rf"[0-9]+(?:\.[0-9]{{1,{AMOUNT_PLACES}}})?")
_NEGATIVE_ZERO = re.compile(r"-0+")
_LONGEST = 32  # characters: far more than a valid value has, far fewer than int() refuses


class Uncomputed(str):
    """A formula cell stored without its computed value, as a library that writes formulas but
    does not compute them saves it (openpyxl writes ``<f>SUM(C6:C7)</f><v></v>``): the text is
    the formula. Never a valid value; R7 asks for the file to be opened and saved in Excel/WPS,
    which computes it."""


def is_valid(value, kind=t.COUNT):
    """Whether ``value`` (already parsed) is a value a cell of ``kind`` may hold."""
    if isinstance(value, bool):
        return False
    if kind == t.AMOUNT:
        if isinstance(value, int):
            value = Decimal(value)
        if not isinstance(value, Decimal) or not value.is_finite() or value.is_signed():
            return False
        return value <= MAX_AMOUNT and value.as_tuple().exponent >= -AMOUNT_PLACES
    if not isinstance(value, int):
        return False
    if kind == t.CHANGE:
        return abs(value) <= MAX_COUNT
    return 0 <= value <= MAX_COUNT


def is_any_number(value):
    """A valid value of any kind (what an equation of the rules may add up)."""
    return is_valid(value, t.CHANGE) or is_valid(value, t.AMOUNT)


def parse(raw, kind=t.COUNT):
    """A cell's value from a form field, a spreadsheet cell or a line of text.

    Returns ``None`` for a blank, an ``int`` (count, change) or ``Decimal`` (amount) when valid,
    and otherwise the text as written, for R7 to report.
    """
    if raw is None:
        return None
    if isinstance(raw, Uncomputed):
        return raw
    if isinstance(raw, str):
        return _parse_text(raw, kind)
    if isinstance(raw, float):
        return _parse_float(raw, kind)
    if isinstance(raw, int | Decimal) and not isinstance(raw, bool):
        value = _canonical(raw, kind)
        return value if is_valid(value, kind) else _shown(raw)
    return _shown(raw)  # True, a date, anything else a spreadsheet may hold: not a number


def _parse_text(raw, kind):
    text = raw.strip()
    if not text:
        return None
    pattern = {t.COUNT: _COUNT_TEXT, t.CHANGE: _CHANGE_TEXT, t.AMOUNT: _AMOUNT_TEXT}[kind]
    # (int() refuses more than 4300 digits with an error: a long text is never a number here.)
    if len(text) > _LONGEST or not pattern.fullmatch(text) or _NEGATIVE_ZERO.fullmatch(text):
        return text
    value = Decimal(text) if kind == t.AMOUNT else int(text)
    return value if is_valid(value, kind) else text


def _parse_float(raw, kind):
    # A spreadsheet stores every number as a float: 3 arrives as 3.0 and =0.1+0.2 as
    # 0.30000000000000004; 15 significant digits is what the spreadsheet program shows.
    if not math.isfinite(raw) or (raw == 0 and math.copysign(1.0, raw) < 0):
        return _shown(raw)
    value = _canonical(Decimal(format(raw, ".15g")), kind)
    return value if is_valid(value, kind) else _shown(raw)


def _canonical(number, kind):
    """An int for a whole count or change, a plain (not 1E+2) Decimal for an amount; a value
    that cannot be either is returned as it is, and is_valid refuses it."""
    if isinstance(number, Decimal) and not number.is_finite():
        return number
    if kind == t.AMOUNT:
        number = Decimal(number)
        if number.as_tuple().exponent > 0 and abs(number) <= MAX_AMOUNT:
            number = number.quantize(Decimal(1))
        return number
    if isinstance(number, int):
        return number
    if (number.is_signed() and number == 0) or number != number.to_integral_value():
        return number
    return int(number) if abs(number) <= MAX_COUNT else number


def _shown(raw):
    """The value as R7 shows it: what the person wrote, as far as a file lets us know."""
    if isinstance(raw, float):
        return format(raw, ".15g") if math.isfinite(raw) else str(raw)
    return str(raw)
