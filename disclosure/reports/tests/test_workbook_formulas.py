"""Workbooks a county officer and a hostile uploader found misread: a formula whose stored
value is stale (Excel shows the recomputed number, the checker read the stored one), and
content outside a statutory table's area (ignored silently before)."""

from zipfile import ZIP_DEFLATED, ZipFile

import pytest
from openpyxl import load_workbook

from disclosure.reports.tests.checking import run, upload
from disclosure.reports.tests.factories import make_index, make_report, write
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t

ADDRESSES = xlsx.cell_addresses(t.TABLE_B_2021)
NEW_TOTAL = ADDRESSES[("new", "total")]
FIRST = ADDRESSES[("new", t.APPLICANT_COLUMNS[0].key)]
LAST = ADDRESSES[("new", t.APPLICANT_COLUMNS[-1].key)]
EACH = "+".join(ADDRESSES[("new", c.key)] for c in t.APPLICANT_COLUMNS)


def with_formula(tmp_path, formula, stored):
    """表二's 一 总计 as a spreadsheet program saves a formula: its text and a stored value."""
    path = write(tmp_path)
    book = load_workbook(path)
    book["表二"][NEW_TOTAL] = f"={formula}"
    book.save(path)
    target = tmp_path / "formula.xlsx"
    with ZipFile(path) as source, ZipFile(target, "w", ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(
                    f"<f>{formula}</f><v></v>".encode(), f"<f>{formula}</f><v>{stored}</v>".encode()
                )
            out.writestr(item, data)
    return target


def new_total(tmp_path):
    return load_workbook(write(tmp_path))["表二"][NEW_TOTAL].value


@pytest.mark.parametrize("formula", [f"SUM({FIRST}:{LAST})", EACH, f"SUM({FIRST}:{LAST})+0"])
def test_a_sum_whose_stored_value_is_right_is_read(tmp_path, formula):
    out, code = run(with_formula(tmp_path, formula, new_total(tmp_path)))
    assert code == 0 and f"表二 {NEW_TOTAL}" not in out


@pytest.mark.parametrize("formula", [f"SUM({FIRST}:{LAST})", EACH, f"SUM({FIRST}:{LAST})+0"])
def test_a_stale_stored_value_is_an_error_on_its_cell(tmp_path, formula):
    right = new_total(tmp_path)
    out, code = run(with_formula(tmp_path, formula, right + 2))
    assert code == 1
    line = next(line for line in out.splitlines() if line.startswith(f"R7 错误 表二 {NEW_TOTAL}:"))
    assert f"文件中保存的值是 {right + 2}，但它的公式“={formula}”算出 {right}" in line
    assert "Excel 或 WPS 打开时显示" in line and "重新计算并保存" in line


def test_a_formula_that_is_not_a_sum_is_said_unverified(tmp_path):
    formula = f"IF(1,SUM({FIRST}:{LAST}),0)"
    out, code = run(with_formula(tmp_path, formula, new_total(tmp_path)))
    line = next(line for line in out.splitlines() if f"表二 {NEW_TOTAL}:" in line)
    assert line.startswith("R7 警告") and f"是公式“={formula}”" in line and "无法核对" in line
    assert code == 0


@pytest.mark.django_db
def test_the_upload_refuses_a_stale_value_and_writes_nothing(admin_client, tmp_path):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id
    path = with_formula(tmp_path, f"SUM({FIRST}:{LAST})", new_total(tmp_path) + 2)
    html = upload(admin_client, page, path).content.decode()
    assert f"表二 {NEW_TOTAL}" in html and "文件中保存的值是" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest


# ---------------------------------------------------------------- beyond the table
def test_content_outside_the_table_is_a_warning_naming_the_cells(tmp_path):
    path = write(tmp_path)
    book = load_workbook(path)
    sheet = book["表二"]
    last_row = sheet.max_row
    sheet["M5"] = 12
    sheet[f"A{last_row + 3}"] = "备注：另有2件"
    book.save(path)
    out, code = run(path)
    assert code == 0
    line = next(line for line in out.splitlines() if "以外有内容" in line)
    assert line.startswith("版式 警告 表二 M5: 工作表“表二”在统计表区域（A1:")
    assert f"M5、A{last_row + 3}" in line and "检查不读取它们" in line


def test_a_table_as_exported_has_nothing_outside(tmp_path):
    out, code = run(write(tmp_path))
    assert code == 0 and "以外有内容" not in out


def test_a_formula_giving_text_is_a_warning_on_its_cell(tmp_path):
    """'="35"' is stored as the text "35" (Excel marks the cell t="str"), which R7 reads as a
    number typed as text: the reviewer must still be told it is a formula, and a text one."""
    saved = with_formula(tmp_path, '"35"', 35)
    as_text = tmp_path / "text_formula.xlsx"
    with ZipFile(saved) as source, ZipFile(as_text, "w", ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b'"><f>"35"</f>', b'" t="str"><f>"35"</f>')
            out.writestr(item, data)
    assert load_workbook(as_text, data_only=True)["表二"][NEW_TOTAL].value == "35"
    out, _code = run(as_text)
    line = next(line for line in out.splitlines() if line.startswith(f"R7 警告 表二 {NEW_TOTAL}:"))
    assert '是公式“="35"”，其结果是文本“35”而不是数字' in line


@pytest.mark.parametrize("typed", ["{}", " {} "])
def test_a_count_typed_as_text_is_read_with_a_warning_on_its_cell(tmp_path, typed):
    """A number stored as text (a string cell, "12" with Excel's green triangle) is not added
    up by the spreadsheet's SUM: it is read as the number, and R7 says so on its cell, as for a
    formula giving text."""
    path = write(tmp_path)
    book = load_workbook(path)
    number = book["表二"][NEW_TOTAL].value
    book["表二"][NEW_TOTAL] = typed.format(number)
    book.save(path)
    assert load_workbook(path)["表二"][NEW_TOTAL].data_type == "s"
    out, code = run(path)
    line = next(line for line in out.splitlines() if line.startswith(f"R7 警告 表二 {NEW_TOTAL}:"))
    assert f"是文本“{typed.format(number)}”而不是数字，" in line and f"按数字 {number} 读取" in line
    assert code == 0  # read as the number: the sums hold, no error
