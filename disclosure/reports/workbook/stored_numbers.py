"""The numbers a workbook's XML stores that openpyxl cannot hand back as written.

openpyxl writes ``float("inf")`` and ``float("nan")`` as a numeric cell with an empty value
(``<c t="n"><v></v></c>``) and reads that back as ``None``, a blank; it reads ``<v>-0</v>`` as
the integer 0 and ``<v>１２</v>`` (full-width) as 12; and it fails on the whole file for
``<v>inf</v>``. So before openpyxl reads a workbook, each sheet's XML is read for numeric cells
whose stored text is not a finite number in ASCII digits, or is a negative zero: what they hold
is then shown to rule R7 as written, and R7 names the cell (a blank would say "missing").

A formula cell saved without its computed value (``<f>SUM(C6:C7)</f>`` and no or an empty
``<v>``, as a library that does not compute formulas writes it) is neither a blank nor a number
that is not finite: it comes back as ``cells.Uncomputed``, and R7 asks for the file to be opened
and saved in Excel or WPS.
"""

import math
import re

from django.utils.translation import gettext as _
from openpyxl.reader.excel import ExcelReader
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter
from openpyxl.xml.constants import SHEET_MAIN_NS
from openpyxl.xml.functions import iterparse  # defusedxml's, as openpyxl's own reader

from disclosure.reports.tables.cells import Uncomputed

_CELL = f"{{{SHEET_MAIN_NS}}}c"
_VALUE = f"{{{SHEET_MAIN_NS}}}v"
_FORMULA = f"{{{SHEET_MAIN_NS}}}f"
_ROW = f"{{{SHEET_MAIN_NS}}}row"
_ASCII_NUMBER = re.compile(r"-?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?")


def unreadable(path_or_file):
    """``{sheet title: {"C8": what the cell stores, as R7 shows it}}``; ``{}`` for a file that is
    not a workbook (openpyxl then says why). A file object is left at its start."""
    try:
        return _scan(path_or_file)
    except Exception:  # not a workbook: load_workbook then says why, in its words
        return {}
    finally:
        if hasattr(path_or_file, "seek"):
            path_or_file.seek(0)


def _scan(path_or_file):
    reader = ExcelReader(path_or_file, read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_workbook()
        found = {}
        for sheet, rel in reader.parser.find_sheets():
            if rel.target not in reader.valid_files or "chartsheet" in rel.Type:
                continue
            with reader.archive.open(rel.target) as xml:
                cells = dict(_numbers_not_as_written(xml))
            if cells:
                found[sheet.name] = cells
        return found
    finally:
        reader.archive.close()


def _numbers_not_as_written(xml):
    # `r` is optional on rows and cells (OOXML): a cell without it follows the one before, as
    # openpyxl places it, so its address is counted here the same way.
    row = column = 0
    for event, element in iterparse(xml, events=("start", "end")):
        if event == "start":
            if element.tag == _ROW:
                row = int(element.get("r") or row + 1)
                column = 0
            continue
        if element.tag != _CELL:
            continue
        coordinate = element.get("r")
        if coordinate:
            letters, row = coordinate_from_string(coordinate)
            column = column_index_from_string(letters)
        else:
            column += 1
            coordinate = f"{get_column_letter(column)}{row}"
        value = element.find(_VALUE)
        formula = element.find(_FORMULA)
        if formula is not None and (value is None or not (value.text or "").strip()):
            # a shared formula's other cells carry no text of their own (<f t="shared" si="0"/>)
            yield coordinate, Uncomputed(f"={formula.text.strip()}" if formula.text else "")
        elif element.get("t", "n") == "n" and value is not None:
            shown = _shown(value.text or "")
            if shown is not None:
                yield coordinate, shown
        element.clear()


def _shown(stored):
    """What R7 shows for a numeric cell's stored text, or None when openpyxl reads it right."""
    text = stored.strip()
    if not text:
        return _("非有限数值（Infinity 或 NaN）")
    if not _ASCII_NUMBER.fullmatch(text):
        return text
    number = float(text)
    if not math.isfinite(number) or (number == 0 and text.startswith("-")):
        return text
    return None
