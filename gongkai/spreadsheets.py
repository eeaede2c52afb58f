"""Every spreadsheet and CSV file the project writes goes through here, so that a cell stays
a cell.

A spreadsheet program runs a cell that starts with =, +, -, @ (and, in some, a tab or a
carriage return) as a formula: a page title such as ``=HYPERLINK("…","…")`` in an audit
export would become a live link in an administrator's workbook. In XLSX a text cell is
stored as text, never as a formula, whatever it starts with; in CSV, where a cell has no
type, such a text gets a leading apostrophe (OWASP's advice for CSV injection).
"""

import csv
import io

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"  # lets spreadsheet programs read the Chinese text of a CSV as UTF-8


def csv_cell(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(header, rows):
    """A whole CSV file as text, its cells neutralised, with the BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([csv_cell(value) for value in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return UTF8_BOM + buffer.getvalue()


def write_cell(cell, value):
    """Set an openpyxl cell; text stays text even when it looks like a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def append_row(sheet, values):
    """openpyxl's ``sheet.append`` with every text cell kept as text."""
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet.cell(1, 1).value is not None else 1
    for column, value in enumerate(values, start=1):
        write_cell(sheet.cell(row=row, column=column), value)
    return row
