"""A formula's stored value against what the formula gives.

Excel and WPS store a formula with the value they last computed, and show the recomputed one
when the file is opened; a file edited by another program (or by hand) can hold a stale value:
the cell says 5, Excel shows 7. The checker reads the stored value, so a formula that is a
plain sum — ``=SUM(C6:C9)``, ``=C6+C7+C8``, ``=SUM(C6:C7)+C9`` — of cells of the same sheet is
recomputed here from those cells (themselves recomputed when they hold such formulas) and a
difference is an error on the cell; any other formula (another function, a minus, another
sheet) cannot be recomputed here, which is a warning on its cell saying so.
"""

import math
import re

from openpyxl.utils.cell import range_boundaries

_REFERENCE = r"\$?[A-Z]{1,3}\$?[0-9]+"
_RANGE = rf"{_REFERENCE}(?::{_REFERENCE})?"
_NUMBER = r"[0-9]+(?:\.[0-9]+)?"
_SUM = rf"SUM\(\s*{_RANGE}(?:\s*,\s*{_RANGE})*\s*\)"
_TERM = re.compile(rf"\s*(?:(?P<sum>{_SUM})|(?P<cell>{_REFERENCE})|(?P<number>{_NUMBER}))\s*")


TEXT = "text"  # what ``stale`` says of a formula whose result is a text


class NotASum(ValueError):
    """The formula is not a plain sum of cells of its sheet: it is not recomputed here."""


def terms(formula):
    """The terms of ``=SUM(C6:C9,D5)+C6+2``: ``[("sum", "SUM(C6:C9,D5)"), ("cell", "C6"),
    ("number", "2")]``; NotASum for any other formula."""
    text = formula[1:] if formula.startswith("=") else formula
    parts = text.upper().split("+")
    found = []
    for part in parts:
        match = _TERM.fullmatch(part)
        if not match:
            raise NotASum(formula)
        kind = match.lastgroup
        found.append((kind, match[kind]))
    return found


def _coordinates(area):
    min_col, min_row, max_col, max_row = range_boundaries(area.replace("$", ""))
    for row in range(min_row, max_row + 1):
        for column in range(min_col, max_col + 1):
            yield row, column


class Recomputer:
    """Recomputes the plain-sum formulas of one sheet: ``formulas`` is the sheet as written
    (openpyxl without ``data_only``: a formula's text), ``values`` as stored."""

    def __init__(self, formulas, values):
        self.formulas = formulas
        self.values = values
        self.seen = {}

    def value(self, row, column, *, in_sum):
        """What Excel takes for the cell: a blank is 0, text is skipped by SUM and an error in
        ``+`` (NotASum: not recomputed here)."""
        written = self.formulas.cell(row=row, column=column).value
        if isinstance(written, str) and written.startswith("="):
            return self.compute(row, column)
        stored = self.values.cell(row=row, column=column).value
        if stored is None or stored == "":
            return 0
        if isinstance(stored, bool) or not isinstance(stored, int | float):
            if in_sum and isinstance(stored, str):
                return 0
            raise NotASum(str(stored))
        if not math.isfinite(stored):
            raise NotASum(str(stored))
        return stored

    def compute(self, row, column):
        key = (row, column)
        if key in self.seen:
            if self.seen[key] is None:  # a circular reference
                raise NotASum("circular")
            return self.seen[key]
        self.seen[key] = None
        formula = self.formulas.cell(row=row, column=column).value
        total = 0
        for kind, text in terms(formula):
            if kind == "number":
                total += float(text) if "." in text else int(text)
            elif kind == "cell":
                total += self.value(*_coordinates_of(text), in_sum=False)
            else:
                for area in text[4:-1].split(","):
                    for r, c in _coordinates(area.strip()):
                        total += self.value(r, c, in_sum=True)
        self.seen[key] = total
        return total


def _coordinates_of(reference):
    return next(_coordinates(reference))


def stale(recomputer, row, column):
    """``(formula, recomputed)`` when the cell's formula is a plain sum whose stored value
    differs; ``(formula, None)`` when the formula cannot be recomputed here; ``(formula, TEXT)``
    when its result is a text ("35" of '="35"'); None otherwise
    (no formula, or the stored value is right)."""
    formula = recomputer.formulas.cell(row=row, column=column).value
    if not (isinstance(formula, str) and formula.startswith("=")):
        return None
    stored = recomputer.values.cell(row=row, column=column).value
    if isinstance(stored, str) and stored.strip():
        # '="35"' gives the text "35", which R7 reads as the number a clerk typed as text:
        # the formula is what the reviewer must see
        return formula, TEXT
    if isinstance(stored, bool) or not isinstance(stored, int | float):
        return None  # no value stored (none computed): R7 says the cell is empty
    try:
        recomputed = recomputer.compute(row, column)
    except NotASum:
        return formula, None
    if math.isclose(stored, recomputed, rel_tol=0, abs_tol=1e-9):
        return None
    return formula, recomputed
