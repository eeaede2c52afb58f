"""What a county officer's re-try and a hostile uploader found in workbooks: a hidden sheet (it
hides numbers from whoever reviews the file), an instructions sheet named after a table
("表二填表说明", taken for a second 表二), and a formula saved without its computed value (a
library that writes formulas does not compute them; it was reported as "非有限数值")."""

import pytest
from openpyxl import load_workbook

from disclosure.reports.tables import cells
from disclosure.reports.tests.checking import run, upload
from disclosure.reports.tests.factories import ORGANISATION, make_index, make_report, write
from disclosure.reports.workbook import stored_numbers, xlsx
from disclosure.statutory import tables as t

NEW_NATURAL = xlsx.cell_addresses(t.TABLE_B_2021)[("new", "natural")]  # 表二 一 自然人
NEW_TOTAL = xlsx.cell_addresses(t.TABLE_B_2021)[("new", "total")]


def named(change):
    """``change``, and 报告信息 B1 naming the report's organisation, as an upload must."""

    def both(book):
        change(book)
        book[xlsx.INFO_SHEET]["B1"] = ORGANISATION

    return both


def altered(tmp_path, change):
    path = write(tmp_path)
    book = load_workbook(path)
    change(book)
    book.save(path)
    return path


# ---------------------------------------------------------------- hidden sheets
@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
@pytest.mark.parametrize("name", ["表二", "报告信息"])
def test_a_hidden_sheet_the_checker_reads_is_an_error_naming_it(tmp_path, state, name):
    def hide(book):
        book[name].sheet_state = state

    out, code = run(altered(tmp_path, hide))
    assert code == 1
    assert f"版式 错误 {name}: 工作表“{name}”是隐藏的" in out


def test_a_hidden_table_under_another_name_is_an_error_too(tmp_path):
    def hide(book):
        book["表三"].title = "Sheet3"
        book["Sheet3"].sheet_state = "hidden"

    out, code = run(altered(tmp_path, hide))
    assert code == 1
    assert "工作表“Sheet3”看来是表三" in out and "工作表“Sheet3”是隐藏的" in out


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_a_hidden_extra_sheet_is_a_warning_naming_it(tmp_path, state):
    def add(book):
        extra = book.create_sheet("底稿")
        extra["A1"] = "真实数字"
        extra["B1"] = 95
        extra.sheet_state = state

    out, code = run(altered(tmp_path, add))
    assert code == 0
    assert "版式 警告 底稿: 工作簿有隐藏的工作表“底稿”" in out
    assert "共 0 个错误，1 个警告" in out


@pytest.mark.django_db
def test_the_upload_refuses_a_hidden_table_and_writes_nothing(admin_client, tmp_path):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id

    def hide(book):
        book["表二"].sheet_state = "hidden"

    response = upload(admin_client, page, altered(tmp_path, hide))
    html = response.content.decode()
    assert response.status_code == 200
    assert "工作表“表二”是隐藏的" in html and "未写入报告" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest


@pytest.mark.django_db
def test_the_upload_warns_of_a_hidden_extra_sheet(admin_client, tmp_path):
    page = make_report(make_index(), 2024, publish=False)

    def add(book):
        book.create_sheet("底稿").sheet_state = "hidden"

    response = upload(admin_client, page, altered(tmp_path, named(add)))
    assert response.status_code == 302  # written: the tables the reviewer sees are the ones read
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("隐藏的工作表“底稿”" in m for m in messages)


# ---------------------------------------------------------------- sheet names
def test_an_instructions_sheet_named_after_a_table_is_not_a_second_table(tmp_path):
    def add(book):
        notes = book.create_sheet("表二填表说明")
        notes["A1"] = "表二填表说明"
        notes["A2"] = "第一项加第二项之和，等于第三项加第四项之和。"

    out, code = run(altered(tmp_path, add))
    assert code == 0, out
    assert "有 2 个工作表" not in out
    assert "说明：工作表“表二填表说明”不是统计表或报告信息，检查时已忽略。" in out
    assert "共 0 个错误，0 个警告" in out


@pytest.mark.parametrize("name", ["表二(2)", "表二 (2)", "表二副本"])
def test_a_copy_of_a_table_is_a_duplicate_naming_both(tmp_path, name):
    def duplicate(book):
        book.copy_worksheet(book["表二"]).title = name

    out, code = run(altered(tmp_path, duplicate))
    assert code == 1
    assert f"版式 错误 表二: 表二 有 2 个工作表：“表二”、“{name}”" in out


@pytest.mark.parametrize("name", ["表二", " 表二 ", "表 二", "表二\u3000"])
def test_the_statutory_name_matches_after_whitespace_folding(tmp_path, name):
    """The name is found as 表二 (nothing missing, no duplicate); a name not written exactly is
    still named as an error, so that the file the county receives has the statutory names."""

    def rename(book):
        book["表二"].title = name

    out, code = run(altered(tmp_path, rename))
    assert "缺少工作表“表二”" not in out and "有 2 个工作表" not in out
    assert (code == 0) == (name == "表二"), out


@pytest.mark.django_db
def test_the_upload_says_which_sheets_it_left_alone(admin_client, tmp_path):
    page = make_report(make_index(), 2024, publish=False)

    def add(book):
        book.create_sheet("表二填表说明")["A1"] = "表二填表说明"

    response = upload(admin_client, page, altered(tmp_path, named(add)))
    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert "工作表“表二填表说明”不是统计表或报告信息，检查时已忽略。" in messages


# ---------------------------------------------------------------- formulas without a value
def formula_in_new_natural(book):
    """What a library that writes formulas saves: the formula, no computed value."""
    book["表二"][NEW_NATURAL] = f"={NEW_TOTAL}-0"


def test_a_formula_without_a_computed_value_names_its_cell_and_the_remedy(tmp_path):
    out, code = run(altered(tmp_path, formula_in_new_natural))
    assert code == 1
    line = next(line for line in out.splitlines() if f"表二 {NEW_NATURAL}:" in line)
    assert line.startswith("R7 错误")
    assert f"是公式“={NEW_TOTAL}-0”" in line and "没有它的计算结果" in line
    assert "Excel 或 WPS 中打开该文件并保存" in line
    assert "非有限数值" not in out


def test_a_formula_with_its_computed_value_is_read_as_the_value(tmp_path):
    """Excel and WPS store the value with the formula: that value is the cell's."""
    path = write(tmp_path)
    book = load_workbook(path)
    value = book["表二"][NEW_NATURAL].value
    book["表二"][NEW_NATURAL] = f"={NEW_TOTAL}-0"
    book.save(path)
    # as a spreadsheet program saves it: <f>…</f><v>value</v>
    from zipfile import ZIP_DEFLATED, ZipFile

    content = path.read_bytes()
    source, target = ZipFile(path), tmp_path / "computed.xlsx"
    with ZipFile(target, "w", ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(
                    f"<f>{NEW_TOTAL}-0</f><v></v>".encode(),
                    f"<f>{NEW_TOTAL}-0</f><v>{value}</v>".encode(),
                )
            out.writestr(item, data)
    assert content != target.read_bytes()
    assert xlsx.read_workbook(target)["table_b"][1]["new"]["natural"] == value
    assert run(target)[1] == 0


@pytest.mark.django_db
def test_the_upload_names_the_formula_cell_and_writes_nothing(admin_client, tmp_path):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id
    response = upload(admin_client, page, altered(tmp_path, formula_in_new_natural))
    html = response.content.decode()
    assert f"表二 {NEW_NATURAL}" in html and "没有它的计算结果" in html
    assert "非有限数值" not in html and "未写入报告" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest


def test_an_uncomputed_formula_is_never_a_valid_value():
    value = cells.parse(cells.Uncomputed("=1+1"), t.COUNT)
    assert isinstance(value, cells.Uncomputed) and not cells.is_valid(value, t.COUNT)


def test_a_shared_formulas_other_cells_are_uncomputed_too(tmp_path):
    xml = (
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1</f></c>'
        b'<c r="A2"><f t="shared" si="0"/></c><c r="A3"><f>B3</f><v>4</v></c></row>'
        b"</sheetData></worksheet>"
    )
    from io import BytesIO

    found = dict(stored_numbers._numbers_not_as_written(BytesIO(xml)))
    assert found == {"A1": "=B1", "A2": ""}
    assert all(isinstance(v, cells.Uncomputed) for v in found.values())


def test_hidden_rows_or_columns_of_a_table_are_an_error_naming_them(tmp_path):
    row = int(NEW_NATURAL[1:])

    def hide(book):
        book["表二"].row_dimensions[row].hidden = True
        book["表二"].column_dimensions["C"].hidden = True

    out, code = run(altered(tmp_path, hide))
    assert code == 1
    assert f"版式 错误 表二: 工作表“表二”的第 {row} 行和C 列是隐藏的" in out


def test_a_hidden_row_below_the_table_is_not_the_tables(tmp_path):
    def hide(book):
        book["表二"].row_dimensions[200].hidden = True

    assert run(altered(tmp_path, hide))[1] == 0
