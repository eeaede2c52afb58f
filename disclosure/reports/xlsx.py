"""The tables as a spreadsheet in the official layout, and reading such a spreadsheet back.

One sheet per table (表一, 表二, 表三), laid out from ``layout.grid`` with the same merged
cells as the printed table, so that an office can fill it in Excel/WPS and the checker can
name a finding by its cell (``表二 C8``).
"""

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from disclosure.statutory import tables as t
from gongkai import spreadsheets

from . import cells, layout, rules

FIRST_ROW = 2  # row 1 holds the table's caption
THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


class LayoutError(ValueError):
    """The spreadsheet is not in our layout."""


def address(row_index, column_index):
    return f"{get_column_letter(column_index + 1)}{row_index + FIRST_ROW}"


def _grid_width(rows):
    return max(c + cell.colspan for cell, _r, c in layout.positions(rows))


def write_table(sheet, table, values):
    rows = layout.grid(table, values)
    width = _grid_width(rows)
    spreadsheets.write_cell(
        sheet.cell(row=1, column=1), f"{rules.TABLE_NAMES[table.key]} {table.caption}"
    )
    sheet.cell(row=1, column=1).font = Font(bold=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for cell, r, c in layout.positions(rows):
        target = sheet.cell(row=r + FIRST_ROW, column=c + 1)
        spreadsheets.write_cell(target, cell.text if cell.header else cell.value)
        target.border = BORDER
        target.alignment = Alignment(
            wrap_text=True, vertical="center", horizontal="center" if cell.header else "right"
        )
        if cell.colspan > 1 or cell.rowspan > 1:
            sheet.merge_cells(
                start_row=r + FIRST_ROW,
                start_column=c + 1,
                end_row=r + FIRST_ROW + cell.rowspan - 1,
                end_column=c + cell.colspan,
            )
    for column in range(1, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    sheet.print_title_rows = (
        f"{FIRST_ROW}:{FIRST_ROW + sum(1 for r in rows if r.head) - 1}"
        if any(r.head for r in rows)
        else None
    )


def statutory_language(function):
    """Run in the language of the statutory form (Chinese), whatever language is active: the
    labels written and the labels compared are the official ones on every page and in every
    process (the English page offers the same Chinese workbook; see docs/reports.md)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapper


@statutory_language
def workbook(tables_by_key, organisation="", year=None):
    """A workbook of ``{table_key: (Table, values)}``, in the order 表一, 表二, 表三, then a
    sheet 报告信息 naming the organisation and the year (the checker reads the level of the
    organisation from its name, and the year to match last year's workbook)."""
    book = Workbook()
    book.remove(book.active)
    for key, name in rules.TABLE_NAMES.items():
        if key in tables_by_key:
            table, values = tables_by_key[key]
            write_table(book.create_sheet(name), table, values)
    info = book.create_sheet(INFO_SHEET)
    for row in ((INFO_ORGANISATION, organisation or ""), (INFO_YEAR, year)):
        spreadsheets.append_row(info, row)
    info.column_dimensions["A"].width = 12
    info.column_dimensions["B"].width = 40
    return book


def normalise_label(text):
    """A label as compared: NFKC (half- and full-width forms alike, so "(一)" is "（一）") and no
    whitespace at all (a label wrapped in its cell, or typed with spaces, is the same label)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(text or "")))


def _mismatches(sheet, table):
    """``[(cell address, expected label, label found)]`` where the sheet's headers differ."""
    found = []
    for cell, r, c in layout.positions(layout.grid(table, None)):
        if not cell.header:
            continue
        written = sheet.cell(row=r + FIRST_ROW, column=c + 1).value
        if normalise_label(written) != normalise_label(cell.text):
            found.append((address(r, c), cell.text, "" if written is None else str(written)))
    return found


def _values(sheet, table):
    kinds = {(r.key, c.key): c.kind for r, c in table.cells()}
    values = table.empty_values()
    for cell, r, c in layout.positions(layout.grid(table, None)):
        if not cell.header:
            raw = sheet.cell(row=r + FIRST_ROW, column=c + 1).value
            key = (cell.row_key, cell.column_key)
            values[cell.row_key][cell.column_key] = cells.parse(raw, kinds[key])
    return values


SHOWN_MISMATCHES = 10  # a sheet of another table differs everywhere: the first few say enough


def read_sheet(sheet, key):
    """``(Table, values, problems)`` of one sheet, in whichever format's layout it is closest to;
    each header label that differs is a problem naming its cell and both texts."""
    candidates = [t.table(f, key) for f in (t.FORMAT_2021, t.FORMAT_2019)]
    table, mismatches = min(
        ((table, _mismatches(sheet, table)) for table in candidates), key=lambda p: len(p[1])
    )
    problems = [
        layout_problem(
            _("工作表“%(sheet)s” %(cell)s：应为“%(expected)s”，读到的是“%(found)s”。")
            % {"sheet": sheet.title, "cell": cell, "expected": expected, "found": found},
            f"{sheet.title} {cell}",
            key,
        )
        for cell, expected, found in mismatches[:SHOWN_MISMATCHES]
    ]
    if len(mismatches) > SHOWN_MISMATCHES:
        problems.append(
            layout_problem(
                _("工作表“%(sheet)s”另有 %(count)d 处表头或行名不符。")
                % {"sheet": sheet.title, "count": len(mismatches) - SHOWN_MISMATCHES},
                sheet.title,
                key,
            )
        )
    return table, _values(sheet, table), problems


def read_table(sheet, key):
    """``(Table, values)`` of one sheet in our layout; LayoutError naming each differing label."""
    table, values, problems = read_sheet(sheet, key)
    if problems:
        raise LayoutError("\n".join(finding.message for finding, _where in problems))
    return table, values


@dataclass
class WorkbookReading:
    """What a workbook holds: its tables, what is wrong with its layout, whose report it is."""

    tables: dict = field(default_factory=dict)  # table key -> (Table, values)
    problems: list = field(default_factory=list)  # (Finding, where) with rule LAYOUT
    organisation: str = ""
    year: int | None = None


LAYOUT = "版式"  # the "rule" of a layout problem: a missing, renamed or altered sheet
INFO_SHEET = "报告信息"
INFO_ORGANISATION = "公开主体"
INFO_YEAR = "报告年度"


def layout_problem(message, where, table_key=""):
    finding = rules.Finding(LAYOUT, rules.ERROR, table_key, "", "", "", "", str(message))
    return finding, where


def _table_of_sheet(sheet):
    """Which table a sheet holds though it is not named for it: by its caption (A1) or, failing
    that, by its header labels matching a table's; None for a sheet of something else."""
    caption = normalise_label(sheet.cell(row=1, column=1).value)
    for key, name in rules.TABLE_NAMES.items():
        if caption.startswith(name):
            return key
    for key in rules.TABLE_NAMES:
        for format_key in (t.FORMAT_2021, t.FORMAT_2019):
            table = t.table(format_key, key)
            headers = sum(1 for cell in _cells(table) if cell.header)
            if len(_mismatches(sheet, table)) <= headers // 4:
                return key
    return None


def _cells(table):
    return [cell for cell, _r, _c in layout.positions(layout.grid(table, None))]


def _sheets_by_table(book):
    """``{table key: [sheets]}``: a sheet named for a table (after NFKC and whitespace folding:
    "表 二" is 表二), or named after it ("表二 (2)", the copy a spreadsheet program makes)."""
    by_table = {key: [] for key in rules.TABLE_NAMES}
    renamed = []
    for sheet in book.worksheets:
        name = normalise_label(sheet.title)
        key = next((k for k, n in rules.TABLE_NAMES.items() if name.startswith(n)), None)
        if key is None and name != INFO_SHEET:
            key = _table_of_sheet(sheet)
            if key:
                renamed.append((sheet, key))
                continue
        if key:
            by_table[key].append(sheet)
    return by_table, renamed


def _read_info(book, reading):
    name = next((n for n in book.sheetnames if normalise_label(n) == INFO_SHEET), None)
    if name is None:
        return
    for label, value in book[name].iter_rows(min_col=1, max_col=2, values_only=True):
        label = normalise_label(label)
        if label == INFO_ORGANISATION and value:
            reading.organisation = str(value).strip()
        elif label == INFO_YEAR and value:
            year = cells.parse(value, t.COUNT)
            reading.year = year if isinstance(year, int) else None


@statutory_language
def read(path_or_file):
    """A :class:`WorkbookReading`: every table found, every layout problem (a missing, renamed or
    duplicated sheet, a header label that differs), and the report's organisation and year."""
    try:
        book = load_workbook(path_or_file, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise LayoutError(
            _("无法读取该文件（应为 .xlsx 工作簿）：%(error)s") % {"error": error}
        ) from error
    reading = WorkbookReading()
    by_table, renamed = _sheets_by_table(book)
    for sheet, key in renamed:
        name = rules.TABLE_NAMES[key]
        reading.problems.append(
            layout_problem(
                _(
                    "工作表“%(sheet)s”看来是%(table)s，但工作表名应为“%(table)s”"
                    "（请勿改名，检查按名称找表）。"
                )
                % {"sheet": sheet.title, "table": name},
                sheet.title,
                key,
            )
        )
    for key, name in rules.TABLE_NAMES.items():
        sheets = by_table[key]
        if len(sheets) > 1:
            reading.problems.append(
                layout_problem(
                    _("%(table)s 有 %(count)d 个工作表：%(sheets)s；每张表只能有一个工作表。")
                    % {
                        "table": name,
                        "count": len(sheets),
                        "sheets": "、".join(f"“{s.title}”" for s in sheets),
                    },
                    name,
                    key,
                )
            )
        elif not sheets and key not in {k for _s, k in renamed}:
            reading.problems.append(
                layout_problem(
                    _("缺少工作表“%(table)s”（工作簿应有“表一”“表二”“表三”三个工作表）。")
                    % {"table": name},
                    name,
                    key,
                )
            )
        if len(sheets) == 1:
            sheet = sheets[0]
            if sheet.title != name:
                reading.problems.append(
                    layout_problem(
                        _("工作表名应为“%(table)s”，读到的是“%(sheet)s”。")
                        % {"table": name, "sheet": sheet.title},
                        sheet.title,
                        key,
                    )
                )
            table, values, problems = read_sheet(sheet, key)
            reading.problems += problems
            if not problems:
                reading.tables[key] = (table, values)
    _read_info(book, reading)
    return reading


def read_workbook(path_or_file):
    """``{table_key: (Table, values)}`` from a workbook in our layout; LayoutError (every problem,
    one a line) when a sheet is missing, renamed, duplicated or differs from the layout."""
    reading = read(path_or_file)
    if reading.problems:
        raise LayoutError("\n".join(finding.message for finding, _where in reading.problems))
    return reading.tables


@statutory_language
def cell_addresses(table):
    """``{(row_key, column_key): "C8"}`` for a table's value cells."""
    return {
        (cell.row_key, cell.column_key): address(r, c)
        for cell, r, c in layout.positions(layout.grid(table, None))
        if not cell.header
    }
