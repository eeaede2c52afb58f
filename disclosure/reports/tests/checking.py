"""Helpers the checker's test modules share: the command's output and exit code, a workbook
file, an upload, and tables stating given numbers where the prose rule (R6) looks for them."""

from io import StringIO

from django.core.management import call_command
from django.urls import reverse

from disclosure.reports.tests.factories import consistent_report, zeros
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t

CARRIED_IN = xlsx.cell_addresses(t.TABLE_B_2021)[("carried_in", "natural")]


def workbook_file(tmp_path, values=None, organisation="", year=None, name="report.xlsx"):
    values = values or consistent_report()
    tables = {key: (t.table(t.FORMAT_2021, key), v) for key, v in values.items()}
    path = tmp_path / name
    xlsx.workbook(tables, organisation=organisation, year=year).save(path)
    return path


def run(*args):
    """The command's output and exit code, with Django's system checks run first as on the
    command line (call_command skips them by default; a method named `check` once broke them)."""
    out = StringIO()
    try:
        call_command("check_annual_report", *map(str, args), stdout=out, skip_checks=False)
        code = 0
    except SystemExit as exited:
        code = exited.code
    return out.getvalue(), code


def upload(client, page, path):
    with path.open("rb") as file:
        return client.post(reverse("reports:upload", args=[page.pk]), {"workbook": file})


# Where each quantity lives in the tables (the first row of a group carries the number).
PLACES = {
    "new": ("table_b", "new", "total"),
    "carried_in": ("table_b", "carried_in", "total"),
    "result_total": ("table_b", "result_total", "total"),
    "carried_out": ("table_b", "carried_out", "total"),
    "granted_partial": ("table_b", "granted", "total"),
    "granted": ("table_b", "granted", "total"),
    "partial": ("table_b", "partial", "total"),
    "refused": ("table_b", "refused_secret", "total"),
    "unable": ("table_b", "unable_no_info", "total"),
    "unprocessed": ("table_b", "unprocessed_petition", "total"),
    # （六）'s third row: beside 逾期未补正 (its first), 其他处理 is the rows after it.
    "other": ("table_b", "other_other", "total"),
    "overdue_correction": ("table_b", "other_overdue_correction", "total"),
    "review": ("table_c", "cases", "review_total"),
    "litigation": ("table_c", "cases", "litigation_direct_total"),
    "normative_issued": ("table_a", "normative", "issued"),
}


def tables_stating(numbers):
    tables = {
        "table_a": zeros(t.TABLE_A_2021),
        "table_b": zeros(t.TABLE_B_2021),
        "table_c": zeros(t.TABLE_C),
    }
    for key, number in numbers.items():
        table, row, column = PLACES[key]
        tables[table][row][column] = number
    return tables
