"""The shared spreadsheet writer keeps hostile text as text, in XLSX and in CSV."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from gongkai import spreadsheets

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?leak","点击查看")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


def read_back(workbook):
    buffer = io.BytesIO()
    workbook.save(buffer)
    return load_workbook(io.BytesIO(buffer.getvalue())).active


@pytest.mark.parametrize("text", HOSTILE)
def test_xlsx_text_that_looks_like_a_formula_is_stored_as_text(text):
    workbook = Workbook()
    spreadsheets.append_row(workbook.active, ["标题", text, 42])
    cell = read_back(workbook).cell(row=1, column=2)
    assert cell.data_type == "s" and cell.value == text


def test_numbers_stay_numbers_and_rows_follow_each_other():
    workbook = Workbook()
    sheet = workbook.active
    spreadsheets.append_row(sheet, ["表头"])
    spreadsheets.append_row(sheet, [-5, 3.5])
    sheet = read_back(workbook)
    assert [c.value for c in sheet[2]] == [-5, 3.5]
    assert sheet.cell(1, 1).value == "表头"


def test_csv_cells_that_a_spreadsheet_would_run_get_an_apostrophe():
    text = spreadsheets.csv_text(["列"], [[value, "正常标题", 7] for value in HOSTILE])
    assert text.startswith(spreadsheets.UTF8_BOM)
    rows = list(csv.reader(io.StringIO(text.removeprefix(spreadsheets.UTF8_BOM))))
    assert [row[0] for row in rows[1:]] == ["'" + value for value in HOSTILE]
    assert all(row[1:] == ["正常标题", "7"] for row in rows[1:])
