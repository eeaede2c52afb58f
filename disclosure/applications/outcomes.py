"""Reply types: exactly Table B's outcome rows, so the statistics cannot drift from decisions."""

from django.utils.text import format_lazy

from disclosure.statutory.tables import OUTCOME_ROWS_2021, RESULTS, ROW_GROUPS, TABLE_B_2021

_ROWS = {row.key: row for row in TABLE_B_2021.rows}

OVERDUE_CORRECTION = "other_overdue_correction"
OVERDUE_FEE = "other_overdue_fee"
GRANTED = "granted"
UNCLEAR_AFTER_CORRECTION = "unable_unclear"
# Closing outcomes reached only through their own transitions, never chosen as a reply.
CLOSING_OUTCOMES = {OVERDUE_CORRECTION, OVERDUE_FEE}


def _label(key):
    row = _ROWS[key]
    if row.parent == RESULTS:
        return row.label
    return format_lazy("{}：{}", ROW_GROUPS[row.parent][1], row.label)


OUTCOME_CHOICES = [(key, _label(key)) for key in OUTCOME_ROWS_2021]
REPLY_CHOICES = [(key, label) for key, label in OUTCOME_CHOICES if key not in CLOSING_OUTCOMES]
