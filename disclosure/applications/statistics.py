"""Tables B and C of the annual report, computed from the register.

Each application received up to the end of the year and not answered before it started is
counted exactly once on each side of Table B's balance: as 一 (received this year) or 二 (carried
in), and as one 三 outcome row (answered this year) or 四 (carried out). R1–R4 therefore hold by
construction; the database guarantees an answer never precedes its receipt.

Table C counts the cases filed during the year, each with its result as known at year end (a
case decided after 31 December is still 尚未审结 in that year's report).
"""

import datetime

from django.db.models import Count, Q

from disclosure.applications.models import Application, ReviewCase
from disclosure.statutory.tables import (
    APPLICANT_COLUMNS,
    OUTCOME_ROWS_2021,
    TABLE_B_2021,
    TABLE_C,
)

APPLICANT_KEYS = tuple(column.key for column in APPLICANT_COLUMNS)


def _year_bounds(year):
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def _zeros(table):
    return {row: dict.fromkeys(columns, 0) for row, columns in table.empty_values().items()}


def _count_into(values, row_of, queryset, group_by):
    for entry in queryset.values(*group_by).annotate(n=Count("id")):
        values[row_of(entry)][entry["applicant_type"]] += entry["n"]


def table_b(organisation, year):
    """``{row_key: {column_key: int}}`` in the 2021 format's keys (tables.TABLE_B_2021)."""
    first, last = _year_bounds(year)
    values = _zeros(TABLE_B_2021)
    register = Application.objects.filter(organisation=organisation, received_on__lte=last)
    by_type = ("applicant_type",)

    _count_into(values, lambda e: "new", register.filter(received_on__gte=first), by_type)
    _count_into(
        values,
        lambda e: "carried_in",
        register.filter(received_on__lt=first).filter(
            Q(replied_on__isnull=True) | Q(replied_on__gte=first)
        ),
        by_type,
    )
    _count_into(
        values,
        lambda e: e["outcome"],
        register.filter(replied_on__range=(first, last)),
        ("applicant_type", "outcome"),
    )
    _count_into(
        values,
        lambda e: "carried_out",
        register.filter(Q(replied_on__isnull=True) | Q(replied_on__gt=last)),
        by_type,
    )

    for key in APPLICANT_KEYS:
        values["result_total"][key] = sum(values[row][key] for row in OUTCOME_ROWS_2021)
    for row in values.values():
        row["total"] = sum(row[key] for key in APPLICANT_KEYS)
    return values


def table_c(organisation, year):
    """``{"cases": {column_key: int}}`` in tables.TABLE_C's fifteen column keys."""
    first, last = _year_bounds(year)
    values = _zeros(TABLE_C)
    cells = values["cases"]
    cases = ReviewCase.objects.filter(
        application__organisation=organisation, filed_on__range=(first, last)
    )
    for kind, outcome, decided_on in cases.values_list("kind", "outcome", "decided_on"):
        known_at_year_end = outcome if decided_on and decided_on <= last else "pending"
        cells[f"{kind}_{known_at_year_end}"] += 1
        cells[f"{kind}_total"] += 1
    return values
