"""Which rules run over one table (each StreamField block) and over a whole report."""

from disclosure.statutory import tables as t

from .arithmetic import check_r5, equations, evaluate_all, table_b_format
from .each_cell import check_r7
from .prose import check_r6
from .regulations import check_r8, check_r9


# ---------------------------------------------------------------- the whole report
def check_table(table, values, previous=None):
    """The rules that concern one table alone (used by each StreamField block)."""
    findings = check_r7(table, values) + evaluate_all(equations(table), values)
    if table.key == "table_b":
        findings += check_r5(values, previous)
    return findings


def check_report(
    tables_by_key,
    *,
    format_key=t.FORMAT_2021,
    previous=None,
    text="",
    level="",
    year=None,
):
    """Every rule over a report's tables.

    ``tables_by_key`` maps "table_a"/"table_b"/"table_c" to values; ``previous`` is last year's
    report in the same shape (or None); ``text`` the report's prose, for R6; ``level`` the
    organisation's level ("township" … "department", see ``levels.py``), for R9; ``year`` the
    report's year, for R6 (a clause about another year is not compared).
    """
    previous = previous or {}
    findings = []
    for key in ("table_a", "table_b", "table_c"):
        values = tables_by_key.get(key)
        if values is None:
            continue
        table_format = table_b_format(values) if key == "table_b" else format_key
        findings += check_table(t.table(table_format, key), values, previous.get(key))
    table_a = tables_by_key.get("table_a")
    if format_key == t.FORMAT_2021 and "in_force" in (previous.get("table_a") or {}).get(
        "normative", {}
    ):
        findings += check_r8(table_a, previous.get("table_a"))
    findings += check_r9(table_a, level)
    findings += check_r6(text, tables_by_key, year)
    return findings
