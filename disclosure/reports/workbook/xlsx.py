"""The tables as a spreadsheet in the official layout, and reading such a spreadsheet back.

One sheet per table (表一, 表二, 表三), laid out from ``layout.grid`` with the same merged
cells as the printed table, so that an office can fill it in Excel/WPS and the checker can
name a finding by its cell (``表二 C8``).
"""

import functools
import io
import os
import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from disclosure.reports.rules import years
from disclosure.reports.rules.each_cell import cell_message
from disclosure.reports.rules.findings import Finding, Severity

# openpyxl (27 MB) is imported by the functions that read or write a workbook, and the
# modules built on it (formulas, stored_numbers) with them: the admin's URLs import this
# module, and a web worker that never handles a workbook need not hold it
# (docs/performance.md, "Worker memory").
from disclosure.reports.tables import cells, layout
from disclosure.statutory import tables as t
from gongkai import spreadsheets
from search.limits import ExtractionLimits, Refused
from search.safezip import BoundedZip

from .file_errors import os_error_reason

FIRST_ROW = 2  # row 1 holds the table's caption


@functools.cache
def _border():
    from openpyxl.styles import Border, Side

    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


class LayoutError(ValueError):
    """The spreadsheet is not in our layout."""


def address(row_index, column_index):
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column_index + 1)}{row_index + FIRST_ROW}"


def _grid_width(rows):
    return max(c + cell.colspan for cell, _r, c in layout.positions(rows))


def write_table(sheet, table, values):
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    rows = layout.grid(table, values)
    width = _grid_width(rows)
    spreadsheets.write_cell(sheet.cell(row=1, column=1), f"{table.number} {table.caption}")
    sheet.cell(row=1, column=1).font = Font(bold=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    for cell, r, c in layout.positions(rows):
        target = sheet.cell(row=r + FIRST_ROW, column=c + 1)
        spreadsheets.write_cell(target, cell.text if cell.header else cell.value)
        target.border = _border()
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
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for key in t.TABLE_KEYS:
        if key in tables_by_key:
            table, values = tables_by_key[key]
            write_table(book.create_sheet(table.number), table, values)
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


def _values(sheet, table, stored=None):
    """The sheet's values; ``stored`` (``stored_numbers``) is what a numeric cell holds when
    openpyxl would read it otherwise (an infinity or NaN as a blank, ``-0`` as 0)."""
    kinds = {(r.key, c.key): c.kind for r, c in table.cells()}
    values = table.empty_values()
    stored = stored or {}
    for cell, r, c in layout.positions(layout.grid(table, None)):
        if not cell.header:
            raw = stored.get(address(r, c), sheet.cell(row=r + FIRST_ROW, column=c + 1).value)
            key = (cell.row_key, cell.column_key)
            values[cell.row_key][cell.column_key] = cells.parse(raw, kinds[key])
    return values


SHOWN_MISMATCHES = 10  # a sheet of another table differs everywhere: the first few say enough


def read_sheet(sheet, key, stored=None):
    """``(Table, values, problems)`` of one sheet, in whichever format's layout it is closest to;
    each header label that differs is a problem naming its cell and both texts. ``stored``: the
    sheet's numbers openpyxl does not read as written (see ``_values``)."""
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
    return table, _values(sheet, table, stored), problems


@dataclass
class WorkbookReading:
    """What a workbook holds: its tables, what is wrong with its layout, whose report it is."""

    tables: dict = field(default_factory=dict)  # table key -> (Table, values)
    problems: list = field(default_factory=list)  # (Finding, where) with rule LAYOUT
    organisation: str = ""
    organisation_cell: str = ""  # where 报告信息 names it ("B1")
    # why 报告信息 B1 names no organisation as a plain value (blank, a formula with no stored
    # result, A1 not labelled 公开主体): a workbook naming no one cannot be checked against the
    # report it is uploaded to
    organisation_problem: str = ""
    organisation_blank: bool = False  # B1 holds nothing at all (not even a formula)
    year: int | None = None
    notes: list = field(default_factory=list)  # sheets left alone, as "说明" lines


LAYOUT = "版式"  # the "rule" of a layout problem: a missing, renamed or altered sheet
INFO_SHEET = "报告信息"
INFO_ORGANISATION = "公开主体"
INFO_YEAR = "报告年度"


def layout_problem(message, where, table_key=""):
    finding = Finding(LAYOUT, Severity.ERROR, table_key, "", "", "", "", str(message))
    return finding, where


def _table_of_sheet(sheet):
    """Which table a sheet holds though it is not named for it: by its caption (A1) or, failing
    that, by its header labels matching a table's; None for a sheet of something else."""
    caption = normalise_label(sheet.cell(row=1, column=1).value)
    for key in t.TABLE_KEYS:
        name = t.number_of(key)
        # the whole caption as written (表二 收到和处理政府信息公开申请情况), not a prefix:
        # "表二填表说明" in A1 is not 表二
        if caption in {normalise_label(f"{name}{t.table(f, key).caption}") for f in t.TABLES}:
            return key
    for key in t.TABLE_KEYS:
        for format_key in (t.FORMAT_2021, t.FORMAT_2019):
            table = t.table(format_key, key)
            headers = sum(1 for cell in _cells(table) if cell.header)
            if len(_mismatches(sheet, table)) <= headers // 4:
                return key
    return None


def _cells(table):
    return [cell for cell, _r, _c in layout.positions(layout.grid(table, None))]


INFO = "info"  # the key of the 报告信息 sheet among the sheets a workbook must have
# Every sheet a workbook of ours has, by key: the three tables and 报告信息.
SHEETS = {**{key: t.number_of(key) for key in t.TABLE_KEYS}, INFO: INFO_SHEET}


def _is_info_sheet(sheet):
    """A sheet holding 报告信息's two labels in its first column, whatever its name."""
    labels = {normalise_label(value) for (value,) in sheet.iter_rows(max_col=1, values_only=True)}
    return {INFO_ORGANISATION, INFO_YEAR} <= labels


@dataclass
class _Sheets:
    """Which sheet of a workbook holds what: ``named`` ``{key: [sheets named for it]}``,
    ``renamed`` ``[(sheet, key)]`` found under another name by what they hold, ``ignored`` the
    sheets of something else."""

    named: dict
    renamed: list
    ignored: list

    def of(self, key):
        """Every sheet holding ``key``'s table or 报告信息: named for it first."""
        return self.named[key] + [sheet for sheet, found in self.renamed if found == key]


def _sheets_by_key(book):
    """A sheet is named for a table or 报告信息 when its name is the statutory one after NFKC
    and whitespace folding ("表 二" is 表二; "表二填表说明" and "表二 (2)" are not); a sheet under
    another name is recognised by what it holds (its caption or header labels, or 报告信息's
    two labels), else it is a sheet of something else, left alone."""
    sheets = _Sheets({key: [] for key in SHEETS}, [], [])
    for sheet in book.worksheets:
        name = normalise_label(sheet.title)
        key = next((k for k, n in SHEETS.items() if name == n), None)
        if key is not None:
            sheets.named[key].append(sheet)
            continue
        key = INFO if _is_info_sheet(sheet) else _table_of_sheet(sheet)
        if key:
            sheets.renamed.append((sheet, key))
        else:
            sheets.ignored.append(sheet)
    return sheets


def _placement_problems(key, sheets):
    """The problems of where the sheet of ``key`` is: under another name, missing, several."""
    name = SHEETS[key]
    found = sheets.of(key)
    if len(found) > 1:
        return [
            layout_problem(
                _("%(table)s 有 %(count)d 个工作表：%(sheets)s；每张表只能有一个工作表。")
                % {
                    "table": name,
                    "count": len(found),
                    "sheets": "、".join(f"“{s.title}”" for s in found),
                },
                name,
                _table_key(key),
            )
        ]
    if not found:
        return [
            layout_problem(
                _("缺少工作表“%(table)s”（工作簿应有“表一”“表二”“表三”“报告信息”四个工作表）。")
                % {"table": name},
                name,
                _table_key(key),
            )
        ]
    (sheet,) = found
    if not sheets.named[key]:
        return [
            layout_problem(
                _(
                    "工作表“%(sheet)s”看来是%(table)s，但工作表名应为“%(table)s”"
                    "（请勿改名，检查按名称找表）。"
                )
                % {"sheet": sheet.title, "table": name},
                sheet.title,
                _table_key(key),
            )
        ]
    if sheet.title != name:
        return [
            layout_problem(
                _("工作表名应为“%(table)s”，读到的是“%(sheet)s”。")
                % {"table": name, "sheet": sheet.title},
                sheet.title,
                _table_key(key),
            )
        ]
    return []


def _is_hidden(sheet):
    return sheet.sheet_state in (sheet.SHEETSTATE_HIDDEN, sheet.SHEETSTATE_VERYHIDDEN)


def _hidden_problems(sheets):
    """A hidden sheet hides what it holds from whoever reviews the workbook in Excel/WPS: one
    the checker reads (a table or 报告信息, by name or by what it holds) is an error, since the
    numbers written into the report would be ones the reviewer never saw, and so are hidden rows
    or columns of a table; any other hidden sheet is a warning naming it, since the checker does
    not read it either."""
    problems = []
    for key in SHEETS:
        for sheet in sheets.of(key):
            if _is_hidden(sheet):
                message = _(
                    "工作表“%(sheet)s”是隐藏的：%(table)s不能隐藏（隐藏的工作表审核人看不到）。"
                    "请在 Excel 或 WPS 中取消隐藏后再上传或检查。"
                ) % {"sheet": sheet.title, "table": SHEETS[key]}
                problems.append(layout_problem(message, sheet.title, _table_key(key)))
            if key != INFO:
                problems += _hidden_lines(sheet, key)
    for sheet in sheets.ignored:
        if _is_hidden(sheet):
            message = _(
                "工作簿有隐藏的工作表“%(sheet)s”，检查不读取它，审核人也看不到它；"
                "请删除或取消隐藏。"
            ) % {"sheet": sheet.title}
            finding = Finding(LAYOUT, Severity.WARNING, "", "", "", "", "", message)
            problems.append((finding, sheet.title))
    return problems


def _hidden_lines(sheet, key):
    """Hidden rows or columns of a table's sheet hide its cells as a hidden sheet does: an
    error naming them (the rows and columns of the table's layout, the caption's included)."""
    from openpyxl.utils import get_column_letter

    grids = [layout.grid(t.table(f, key), None) for f in t.TABLES]
    last_row = FIRST_ROW + max(len(rows) for rows in grids) - 1
    width = max(_grid_width(rows) for rows in grids)
    hidden_rows = [
        str(r) for r, dim in sorted(sheet.row_dimensions.items()) if dim.hidden and r <= last_row
    ]
    hidden_columns = sorted(
        {
            c
            for dim in sheet.column_dimensions.values()
            if dim.hidden
            for c in range(dim.min or 1, (dim.max or dim.min or 1) + 1)
            if c <= width
        }
    )
    if not hidden_rows and not hidden_columns:
        return []
    lines = [_("第 %(rows)s 行") % {"rows": "、".join(hidden_rows)}] if hidden_rows else []
    if hidden_columns:
        letters = "、".join(get_column_letter(c) for c in hidden_columns)
        lines.append(_("%(columns)s 列") % {"columns": letters})
    message = _(
        "工作表“%(sheet)s”的%(lines)s是隐藏的：%(table)s的行和列不能隐藏（隐藏的数字审核人看不到）。"
        "请在 Excel 或 WPS 中取消隐藏后再上传或检查。"
    ) % {"sheet": sheet.title, "lines": "和".join(lines), "table": SHEETS[key]}
    return [layout_problem(message, sheet.title, key)]


def _ignored_notes(sheets):
    return [
        _("工作表“%(sheet)s”不是统计表或报告信息，检查时已忽略。") % {"sheet": sheet.title}
        for sheet in sheets.ignored
        if not _is_hidden(sheet)
    ]


def _table_key(key):
    return "" if key == INFO else key


ORGANISATION_LABEL_CELL, ORGANISATION_CELL = "A1", "B1"


def _read_organisation(sheet, written, reading):
    """The organisation 报告信息 names in B1 (under the label 公开主体 in A1), as a plain value:
    a formula counts only by the result the file stores for it (what Excel or WPS shows and
    the reviewer saw); a blank B1, a formula without a stored result, or another label in A1
    is ``organisation_problem``, naming the cell (a name typed elsewhere is not read)."""
    reading.organisation_cell = ORGANISATION_CELL
    names = {"sheet": sheet.title, "label": INFO_ORGANISATION}
    label = sheet[ORGANISATION_LABEL_CELL].value
    if normalise_label(label) != INFO_ORGANISATION:
        reading.organisation_cell = ORGANISATION_LABEL_CELL
        reading.organisation_problem = _(
            "工作表“%(sheet)s” A1 应为“%(label)s”，读到的是“%(found)s”：公开主体须写在 A1 "
            "“%(label)s”右边的 B1。"
        ) % {**names, "found": "" if label is None else label}
        return
    value = sheet[ORGANISATION_CELL].value
    name = re.sub(r"\s+", "", unicodedata.normalize("NFKC", str(value or "")))
    formula = written[sheet.title][ORGANISATION_CELL] if sheet.title in written else None
    if formula is not None and formula.data_type == "f" and not name:
        reading.organisation_problem = _(
            "工作表“%(sheet)s” B1 是公式“%(formula)s”，文件中没有保存它的结果，读不出公开主体："
            "请在 B1 直接填写本机关的名称（不用公式）。"
        ) % {**names, "formula": getattr(formula.value, "text", formula.value)}
    elif not name:
        reading.organisation_blank = True
        reading.organisation_problem = (
            _("工作表“%(sheet)s” B1 空白：请在 B1 填写公开主体（本机关的名称）。") % names
        )
    else:
        reading.organisation = name


def _read_info(sheet, written, reading):
    """The organisation (``_read_organisation``) and the year 报告信息 names; a year that is no
    year is a problem naming its cell (a blank one is not: the checker then has no year to
    compare)."""
    _read_organisation(sheet, written, reading)
    for label_cell, value_cell in sheet.iter_rows(min_col=1, max_col=2):
        label, value = normalise_label(label_cell.value), value_cell.value
        if label == INFO_YEAR and value not in (None, ""):
            reading.year = years.read_year(value)
            if reading.year is None:
                where = f"{sheet.title} {value_cell.coordinate}"
                message = _(
                    "工作表“%(sheet)s” %(cell)s：报告年度“%(value)s”无法识别，"
                    "应写年份，如 2023、2023年 或 二〇二三年。"
                ) % {"sheet": sheet.title, "cell": value_cell.coordinate, "value": value}
                reading.problems.append(layout_problem(message, where))


# A statutory workbook is four small sheets (tens of KB): anything far larger is refused before
# openpyxl reads it whole, which costs a gigabyte for a 1 MB file inflating to one.
WORKBOOK_LIMITS = ExtractionLimits(
    file_bytes=2 * 1024 * 1024,
    zip_members=200,
    zip_member_bytes=8 * 1024 * 1024,
    zip_total_bytes=16 * 1024 * 1024,
    zip_ratio_floor_bytes=256 * 1024,
)


# An OLE2 compound file: what Excel saves for a workbook with an opening password (the zip is
# inside, encrypted, as "EncryptedPackage") and for the old .xls format.
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_ZIP_REFUSALS = {
    "zip_members": _lazy("文件中的部件过多"),
    "zip_total": _lazy("解压后过大"),
    "zip_member": _lazy("其中一个部件解压后过大"),
    "zip_ratio": _lazy("压缩比异常"),
    "damaged": _lazy("压缩数据已损坏"),
}


def _read_bytes(path_or_file, limit):
    if not isinstance(path_or_file, (str, os.PathLike)):
        path_or_file.seek(0)
        data = path_or_file.read(limit)
        path_or_file.seek(0)
        return data
    try:
        with open(path_or_file, "rb") as file:
            return file.read(limit)
    except OSError as error:  # the system's words are English: say it in Chinese
        raise LayoutError(
            _("无法打开文件“%(name)s”：%(reason)s。")
            % {"name": os.fspath(path_or_file), "reason": os_error_reason(error)}
        ) from error


def _not_a_zip(data):
    """The message for a file that is not a zip, as far as its first bytes tell."""
    if data.startswith(_OLE2_MAGIC):
        if _ENCRYPTED_PACKAGE in data:
            return _(
                "该工作簿设有打开密码（已加密），无法读取。请在 Excel 或 WPS 中取消密码"
                "（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码）后另存为 .xlsx，"
                "再上传或检查。"
            )
        return _(
            "该文件是旧版 Excel 97-2003 工作簿（.xls）或其他 Office 旧格式，不是 .xlsx。请在 Excel "
            "或 WPS 中另存为“Excel 工作簿（*.xlsx）”，再上传或检查。"
        )
    if data.startswith(b"PK"):
        return _("文件不完整或已损坏（可能下载或复制时被截断），不是可读取的 .xlsx 工作簿。")
    return _(
        "该文件不是 .xlsx 工作簿（.xlsx 文件是 zip 格式）。请上传由本系统下载、"
        "在 Excel 或 WPS 中填写的统计表。"
    )


def _bounded_bytes(path_or_file):
    """The file's bytes, refused (LayoutError) past WORKBOOK_LIMITS, inflated or not, or when
    it is no zip at all."""
    limit = WORKBOOK_LIMITS.file_bytes
    data = _read_bytes(path_or_file, limit + 1)
    if len(data) > limit:
        raise LayoutError(_("文件超过 2 MB，不是统计表工作簿（四个工作表通常只有几十 KB）。"))
    try:
        with BoundedZip(data, WORKBOOK_LIMITS) as archive:
            archive.verify()
    except Refused as refused:
        if refused.code == "not_a_zip":
            raise LayoutError(
                _("无法读取该文件：%(reason)s") % {"reason": _not_a_zip(data)}
            ) from refused
        reason = _ZIP_REFUSALS.get(refused.code, _("文件已损坏"))
        raise LayoutError(
            _("无法读取该文件：文件已损坏或解压后过大，不是统计表工作簿（%(reason)s）。")
            % {"reason": reason}
        ) from refused
    return data


def _load(path_or_file):
    """The workbook as stored (a formula's computed value), as written (a formula's text), and
    ``stored_numbers.unreadable`` of it."""
    from openpyxl import load_workbook

    from . import stored_numbers

    data = _bounded_bytes(path_or_file)
    path_or_file = io.BytesIO(data)
    stored = stored_numbers.unreadable(path_or_file)
    try:
        # the formulas as written too: a stale stored value is found by recomputing them
        values = load_workbook(path_or_file, data_only=True)
        return values, load_workbook(io.BytesIO(data), data_only=False), stored
    except Exception as error:  # openpyxl raises many kinds, in English, for a file not XLSX
        named = [
            _("工作表“%(sheet)s” %(cell)s 的数值“%(value)s”")
            % {"sheet": sheet, "cell": cell, "value": value}
            for sheet, by_cell in stored.items()
            for cell, value in by_cell.items()
            if not isinstance(value, cells.Uncomputed)
        ]
        if named:  # openpyxl fails on the whole file for "<v>inf</v>": name the cells
            message = _("无法读取该文件：%(cells)s 不是有限的数字，请改为非负整数。") % {
                "cells": "、".join(named)
            }
        else:
            message = _(
                "无法读取该文件：它是 zip 文件，但不是有效的 .xlsx 工作簿（缺少或损坏了工作簿的"
                "组成部分）。请在 Excel 或 WPS 中打开并另存为 .xlsx，再上传或检查。"
            )
        raise LayoutError(message) from error


@statutory_language
def read(path_or_file):
    """A :class:`WorkbookReading`: every table found, every layout problem (a missing, renamed,
    duplicated or hidden sheet, a header label that differs), the report's organisation and
    year, and a note for each sheet of something else, which is left alone."""
    book, written, stored = _load(path_or_file)
    reading = WorkbookReading()
    sheets = _sheets_by_key(book)
    for key in SHEETS:
        reading.problems += _placement_problems(key, sheets)
        found = sheets.of(key)
        if len(found) != 1:
            continue
        if key == INFO:
            _read_info(found[0], written, reading)
            reading.problems += _beyond_the_info(found[0])
        elif sheets.named[key]:
            table, values, problems = read_sheet(found[0], key, stored.get(found[0].title))
            reading.problems += problems + _beyond_the_table(found[0], table)
            if not problems:
                reading.problems += _stale_formulas(found[0], written, table)
            if not problems:
                reading.tables[key] = (table, values)
    reading.problems += _hidden_problems(sheets)
    reading.notes += _ignored_notes(sheets)
    return reading


def _stale_formulas(sheet, formulas_book, table):
    """A formula in a value cell whose stored value is not what it computes (an error), or
    that cannot be recomputed here (a warning): see ``formulas.py``."""
    from openpyxl.utils.cell import coordinate_to_tuple

    from . import formulas

    recomputer = formulas.Recomputer(formulas_book[sheet.title], sheet)
    found = []
    for (row_key, column_key), cell in cell_addresses(table).items():
        row, column = coordinate_to_tuple(cell)
        result = formulas.stale(recomputer, row, column)
        if result is None:
            found += _number_typed_as_text(sheet, table, row_key, column_key, cell)
            continue
        formula, recomputed = result
        stored = sheet.cell(row=row, column=column).value
        if recomputed is formulas.TEXT:
            problem = _(
                "是公式“%(formula)s”，其结果是文本“%(stored)s”而不是数字，表格软件不会把它计入"
                "求和；请改为填写数字"
            ) % {"formula": formula, "stored": stored}
            severity = Severity.WARNING
        elif recomputed is None:
            problem = _(
                "是公式“%(formula)s”，检查只能重算求和公式（SUM 和 +），无法核对它保存的值 "
                "%(stored)s 是否就是 Excel 或 WPS 显示的值；请核对该单元格，或改为填写数字"
            ) % {"formula": formula, "stored": stored}
            severity = Severity.WARNING
        else:
            problem = _(
                "文件中保存的值是 %(stored)s，但它的公式“%(formula)s”算出 %(recomputed)s"
                "（Excel 或 WPS 打开时显示 %(recomputed)s）；请在 Excel 或 WPS 中打开该文件、"
                "重新计算并保存，再上传或检查"
            ) % {"stored": stored, "formula": formula, "recomputed": _shown_number(recomputed)}
            severity = Severity.ERROR
        message = cell_message(table, row_key, column_key, problem)
        finding = Finding(
            "R7", severity, table.key, row_key, column_key, str(stored), formula, message
        )
        found.append((finding, f"{table.number} {cell}"))
    return found


def _number_typed_as_text(sheet, table, row_key, column_key, address):
    """A number stored as text ("12" in a text cell: typed after an apostrophe, into a cell
    formatted as text, or pasted) is read as the number, but the spreadsheet's SUM skips it and
    the reviewer sees a green triangle: a warning on its cell, as for a formula giving text."""
    stored = sheet[address].value
    if not isinstance(stored, str) or stored.lstrip().startswith("="):
        return []
    column = next(c for r, c in table.cells() if r.key == row_key and c.key == column_key)
    if not cells.is_valid(cells.parse(stored, column.kind), column.kind):
        return []  # not a number: R7 names it as an error
    problem = _(
        "是文本“%(stored)s”而不是数字，表格软件不会把它计入求和；检查已按数字 %(number)s 读取，"
        "请改为填写数字"
    ) % {"stored": stored, "number": cells.parse(stored, column.kind)}
    message = cell_message(table, row_key, column_key, problem)
    finding = Finding("R7", Severity.WARNING, table.key, row_key, column_key, stored, "", message)
    return [(finding, f"{table.number} {address}")]


def _shown_number(number):
    return str(int(number)) if float(number).is_integer() else str(number)


SHOWN_CELLS = 10


def _beyond_the_table(sheet, table):
    """Whatever a table's sheet holds outside the table (the caption row and the layout's
    rows and columns) is not read: a warning naming those cells, so that a number typed beside
    the table is not believed checked."""
    from openpyxl.utils import get_column_letter

    rows = layout.grid(table, None)
    last_row, width = FIRST_ROW + len(rows) - 1, _grid_width(rows)
    outside = [
        cell.coordinate
        for line in sheet.iter_rows()
        for cell in line
        if cell.value not in (None, "") and (cell.row > last_row or cell.column > width)
    ]
    message = _(
        "工作表“%(sheet)s”在统计表区域（A1:%(corner)s）以外有内容：%(cells)s。检查不读取它们，"
        "审核人也不会把它们当作报告的数字；请删除或移到其他工作表。"
    )
    corner = f"{get_column_letter(width)}{last_row}"
    return _content_outside(sheet, table.key, outside, message, corner=corner)


def _beyond_the_info(sheet):
    """Whatever 报告信息 holds besides its two lines (公开主体, 报告年度 and their values) is not
    read either: the same warning, so that a note or a number typed there is not believed
    checked."""
    labels = {INFO_ORGANISATION, INFO_YEAR}
    outside = [
        cell.coordinate
        for line in sheet.iter_rows()
        for cell in line
        if cell.value not in (None, "")
        and (cell.column > 2 or normalise_label(line[0].value) not in labels)
    ]
    message = _(
        "工作表“%(sheet)s”除“%(organisation)s”“%(year)s”两行（A、B 两列）外还有内容：%(cells)s。"
        "检查不读取它们；请删除或移到其他工作表。"
    )
    return _content_outside(
        sheet, "", outside, message, organisation=INFO_ORGANISATION, year=INFO_YEAR
    )


def _content_outside(sheet, table_key, outside, message, **names):
    """A warning naming the first cells of ``outside`` (and how many there are)."""
    if not outside:
        return []
    shown = "、".join(outside[:SHOWN_CELLS])
    if len(outside) > SHOWN_CELLS:
        shown += _(" 等 %(count)d 个单元格") % {"count": len(outside)}
    text = message % {"sheet": sheet.title, "cells": shown, **names}
    finding = Finding(LAYOUT, Severity.WARNING, table_key, "", "", "", "", text)
    return [(finding, f"{sheet.title} {outside[0]}")]


def read_workbook(path_or_file):
    """``{table_key: (Table, values)}`` from a workbook in our layout; LayoutError (every error,
    one a line) when a sheet is missing, renamed, duplicated, hidden or differs from the layout."""
    reading = read(path_or_file)
    if errors := [finding for finding, _where in reading.problems if finding.is_error]:
        raise LayoutError("\n".join(finding.message for finding in errors))
    return reading.tables


@statutory_language
def cell_addresses(table):
    """``{(row_key, column_key): "C8"}`` for a table's value cells."""
    return {
        (cell.row_key, cell.column_key): address(r, c)
        for cell, r, c in layout.positions(layout.grid(table, None))
        if not cell.header
    }
