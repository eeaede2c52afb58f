"""The tables as a spreadsheet in the official layout, and reading such a spreadsheet back.

One sheet per table (表一, 表二, 表三), laid out from ``layout.grid`` with the same merged
cells as the printed table, so that an office can fill it in Excel/WPS and the checker can
name a finding by its cell (``表二 C8``).
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from disclosure.statutory import tables as t
from gongkai import spreadsheets

from . import layout, rules

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


def workbook(tables_by_key):
    """A workbook of ``{table_key: (Table, values)}``, in the order 表一, 表二, 表三."""
    book = Workbook()
    book.remove(book.active)
    for key, name in rules.TABLE_NAMES.items():
        if key in tables_by_key:
            table, values = tables_by_key[key]
            write_table(book.create_sheet(name), table, values)
    return book


def _cell_value(raw, kind):
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if isinstance(raw, bool):
        return str(raw)
    if isinstance(raw, int):
        return raw
    if isinstance(raw, float):
        if kind != t.AMOUNT and raw.is_integer():
            return int(raw)
        return Decimal(str(raw)) if kind == t.AMOUNT else str(raw)
    text = str(raw).strip()
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text  # kept as written: R7 names it
    if kind != t.AMOUNT and number == number.to_integral_value() and "." not in text:
        return int(number)
    return number if kind == t.AMOUNT else text


def _matches(sheet, table):
    rows = layout.grid(table, None)
    for cell, r, c in layout.positions(rows):
        if not cell.header:
            continue
        found = sheet.cell(row=r + FIRST_ROW, column=c + 1).value
        if str(found or "").replace(" ", "") != cell.text.replace(" ", ""):
            return False
    return True


def read_table(sheet, key):
    """``(Table, values)`` of one sheet, trying each format's layout of that table."""
    candidates = [t.table(f, key) for f in (t.FORMAT_2021, t.FORMAT_2019)]
    for table in candidates:
        if _matches(sheet, table):
            kinds = {(r.key, c.key): c.kind for r, c in table.cells()}
            values = table.empty_values()
            for cell, r, c in layout.positions(layout.grid(table, None)):
                if not cell.header:
                    raw = sheet.cell(row=r + FIRST_ROW, column=c + 1).value
                    values[cell.row_key][cell.column_key] = _cell_value(
                        raw, kinds[(cell.row_key, cell.column_key)]
                    )
            return table, values
    raise LayoutError(
        _("工作表“%(sheet)s”不是本系统导出的统计表格式（表头或行名不符）。")
        % {"sheet": sheet.title}
    )


def read_workbook(path_or_file):
    """``{table_key: (Table, values)}`` from a workbook in our layout; LayoutError otherwise."""
    try:
        book = load_workbook(path_or_file, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a file that is not XLSX
        raise LayoutError(
            _("无法读取该文件（应为 .xlsx 工作簿）：%(error)s") % {"error": error}
        ) from error
    found = {}
    for key, name in rules.TABLE_NAMES.items():
        if name in book.sheetnames:
            found[key] = read_table(book[name], key)
    if not found:
        raise LayoutError(_("工作簿中没有名为“表一”“表二”“表三”的工作表。"))
    return found


def cell_addresses(table):
    """``{(row_key, column_key): "C8"}`` for a table's value cells."""
    return {
        (cell.row_key, cell.column_key): address(r, c)
        for cell, r, c in layout.positions(layout.grid(table, None))
        if not cell.header
    }


def check_workbook(path_or_file, township=False):
    """Every rule that one workbook can decide, as ``(finding, "表二 C8")`` pairs."""
    return check_tables(read_workbook(path_or_file), township=township)


def check_tables(found, township=False, previous=None):
    """The rules over tables read from a workbook (``{key: (Table, values)}``), each finding
    with its cell; ``previous`` is last year's report's values, for R5 and R8."""
    table_a = found.get("table_a")
    format_key = (table_a and table_a[0] is t.TABLE_A_2019 and t.FORMAT_2019) or t.FORMAT_2021
    findings = rules.check_report(
        {key: values for key, (_table, values) in found.items()},
        format_key=format_key,
        previous=previous,
        township=township,
    )
    located = []
    for finding in findings:
        table = found[finding.table][0]
        cell = cell_addresses(table).get((finding.row, finding.column), "")
        located.append((finding, f"{rules.TABLE_NAMES[finding.table]} {cell}".strip()))
    return located
