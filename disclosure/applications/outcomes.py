"""Reply types: exactly Table B's outcome rows, so the statistics cannot drift from decisions."""

from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from disclosure.statutory.tables import OUTCOME_ROWS_2021, RESULTS, ROW_GROUPS, TABLE_B_2021

_ROWS = {row.key: row for row in TABLE_B_2021.rows}


def _label(key):
    row = _ROWS[key]
    if row.parent == RESULTS:
        return row.label
    return format_lazy("{}：{}", ROW_GROUPS[row.parent][1], row.label)


# Built from Table B's rows rather than listed, so that a row added to the table is an outcome
# and an outcome cannot exist without its row: `Outcome.GRANTED == "granted"`.
Outcome = models.TextChoices(
    "Outcome", [(key.upper(), (key, _label(key))) for key in OUTCOME_ROWS_2021]
)

OVERDUE_CORRECTION = Outcome.OTHER_OVERDUE_CORRECTION
OVERDUE_FEE = Outcome.OTHER_OVERDUE_FEE
GRANTED = Outcome.GRANTED
UNCLEAR_AFTER_CORRECTION = Outcome.UNABLE_UNCLEAR
# Closing outcomes reached only through their own transitions, never chosen as a reply.
CLOSING_OUTCOMES = {OVERDUE_CORRECTION, OVERDUE_FEE}
REPLY_CHOICES = [(key, label) for key, label in Outcome.choices if key not in CLOSING_OUTCOMES]

# What the applicant reads (the letter, the status page): the row's label without the annual
# report's counting rule, which the row label carries for the statistics and the staff.
PUBLIC_LABELS = {Outcome.PARTIAL: _("部分公开")}


def public_label(key):
    """The reply type as the applicant is told it: 部分公开, never the report's
    “（区分处理的，只计这一情形，不计其他情形）”."""
    return PUBLIC_LABELS.get(key) or Outcome(key).label
