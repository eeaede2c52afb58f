"""What a rule finds, and the helpers every rule reads a table with.

Every rule takes table values in the shape of ``tables.py`` (``{row: {column: value}}``,
``None`` = blank) and returns a list of :class:`Finding`. Nothing in ``rules/`` touches the
database: the StreamField blocks, the page, the spreadsheet checker and the importer all call
these.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _lazy

from disclosure.statutory import tables as t

from ..tables import cells


class Severity(models.TextChoices):
    """How much a finding weighs: an error blocks review, a warning asks to look again."""

    ERROR = "error", _lazy("错误")
    WARNING = "warning", _lazy("警告")


@dataclass(frozen=True)
class Finding:
    rule: str  # "R1" … "R9"
    severity: Severity
    table: str  # table key: "table_a", "table_b", "table_c" (or "" for the text)
    row: str  # row key ("" when the finding is about a whole table)
    column: str  # column key ("" when about a whole row)
    left: str  # one side of the equation, with its value, e.g. "一 + 二 = 5"
    right: str  # the other side
    message: str  # Chinese, naming the row and column labels

    @property
    def is_error(self):
        return self.severity == Severity.ERROR

    @property
    def severity_label(self):
        return Severity(self.severity).label

    @property
    def is_blank_cell(self):
        """An R7 finding about a cell left blank (a half-filled table has dozens)."""
        return self.rule == "R7" and self.left == BLANK


# What an R7 finding shows as a blank cell's value (Finding.left).
BLANK = "空白"


@dataclass
class Arranged:
    """Findings in the order an editor reads them: the errors that are not blank cells (an
    arithmetic error, a value that is no number), the blank cells (told as one line with the
    cells inside), then the warnings."""

    errors: list
    blanks: list
    warnings: list

    def __iter__(self):
        return iter([*self.errors, *self.blanks, *self.warnings])


def arranged(findings):
    return Arranged(
        errors=[f for f in findings if f.is_error and not f.is_blank_cell],
        blanks=[f for f in findings if f.is_blank_cell],
        warnings=[f for f in findings if not f.is_error],
    )


def errors(findings):
    return [f for f in findings if f.is_error]


def warnings(findings):
    return [f for f in findings if not f.is_error]


# ---------------------------------------------------------------- what every rule reads
def is_number(value, kind=t.COUNT):
    return cells.is_valid(value, kind)


def cell_value(values, row, column):
    value = (values or {}).get(row, {}).get(column)
    return value if cells.is_any_number(value) else None


def row_label(table, row_key):
    row = next(r for r in table.rows if r.key == row_key)
    label = f"{row.number}{row.label}"
    if row.parent in t.ROW_GROUPS and row.parent != t.RESULTS:
        number, group_label = t.ROW_GROUPS[row.parent]
        label = f"{number}{group_label}{label}"
    return f"“{label}”"


def column_label(table, row_key, column_key):
    column = next(c for c in table.block_of(row_key).columns if c.key == column_key)
    return f"“{column.group + '·' if column.group else ''}{column.label}”"
