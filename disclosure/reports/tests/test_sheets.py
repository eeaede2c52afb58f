"""A workbook's sheets: a missing, renamed or duplicated sheet is an error naming it; a label
that differs names its cell and both texts; labels match after NFKC and whitespace folding."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from disclosure.reports.tests.factories import consistent_report, make_index, make_report, write
from disclosure.reports.workbook import xlsx


def altered(tmp_path, change):
    path = write(tmp_path)
    book = load_workbook(path)
    change(book)
    book.save(path)
    return path


def run_checker(path, capsys):
    with pytest.raises(SystemExit) as exited:
        call_command("check_annual_report", str(path))
    assert exited.value.code == 1
    return capsys.readouterr().out


def test_a_missing_sheet_is_an_error_naming_it(tmp_path, capsys):
    path = altered(tmp_path, lambda book: book.remove(book["表三"]))
    out = run_checker(path, capsys)
    assert "版式 错误 表三: 缺少工作表“表三”" in out
    assert "共 1 个错误" in out


def test_a_renamed_sheet_is_an_error_naming_it(tmp_path, capsys):
    def rename(book):
        book["表二"].title = "Sheet2"

    out = run_checker(altered(tmp_path, rename), capsys)
    assert "版式 错误 Sheet2: 工作表“Sheet2”看来是表二，但工作表名应为“表二”" in out
    assert "缺少工作表“表二”" not in out  # the sheet is there, under another name


def test_a_renamed_sheet_with_its_caption_removed_is_found_by_its_labels(tmp_path, capsys):
    def rename(book):
        book["表二"]["A1"] = None
        book["表二"].title = "统计"

    out = run_checker(altered(tmp_path, rename), capsys)
    assert "工作表“统计”看来是表二" in out


def test_a_sheet_named_with_spaces_or_a_suffix_is_an_error_naming_it(tmp_path, capsys):
    def rename(book):
        book["表一"].title = "表 一"

    out = run_checker(altered(tmp_path, rename), capsys)
    assert "版式 错误 表 一: 工作表名应为“表一”，读到的是“表 一”" in out


def test_a_duplicated_sheet_is_an_error_naming_both(tmp_path, capsys):
    def duplicate(book):
        book.copy_worksheet(book["表二"]).title = "表二 (2)"

    out = run_checker(altered(tmp_path, duplicate), capsys)
    assert "版式 错误 表二: 表二 有 2 个工作表：“表二”、“表二 (2)”" in out


def test_a_label_mismatch_names_the_cell_and_both_texts(tmp_path, capsys):
    def edit(book):
        book["表二"]["C9"] = "1.国家秘密"

    out = run_checker(altered(tmp_path, edit), capsys)
    assert "版式 错误 表二 C9: 工作表“表二” C9：应为“1.属于国家秘密”，读到的是“1.国家秘密”。" in out


def test_labels_match_after_nfkc_and_whitespace_folding(tmp_path, capsys):
    def edit(book):
        sheet = book["表二"]
        assert sheet["B7"].value == "（一）予以公开"
        sheet["B7"] = "(一)予以公开"  # half-width brackets
        sheet["B8"] = sheet["B8"].value.replace("（", "(").replace("）", ")")
        sheet["A5"] = "一、本年新收政府信息公开\n申请数量"  # wrapped in its cell
        sheet["C9"] = " 1. 属于国家秘密 "
        sheet["B17"] = "(四)无法提供"

    path = altered(tmp_path, edit)
    found = xlsx.read_workbook(path)
    assert {key: values for key, (_t, values) in found.items()} == consistent_report()
    call_command("check_annual_report", str(path))
    assert "共 0 个错误" in capsys.readouterr().out


def test_a_sheet_of_another_kind_is_left_alone(tmp_path, capsys):
    def add(book):
        book.create_sheet("填表说明")["A1"] = "请按表格填写。"

    call_command("check_annual_report", str(altered(tmp_path, add)))
    assert "共 0 个错误" in capsys.readouterr().out


@pytest.mark.django_db
def test_the_upload_lists_sheet_problems_and_writes_nothing(admin_client, tmp_path):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id

    def change(book):
        book.remove(book["表三"])
        book["表二"]["C9"] = "1.国家秘密"

    path = altered(tmp_path, change)
    with path.open("rb") as upload:
        response = admin_client.post(
            reverse("reports:upload", args=[page.pk]), {"workbook": upload}
        )
    assert response.status_code == 200
    html = response.content.decode()
    assert "缺少工作表“表三”" in html and "表二 C9" in html and "“1.国家秘密”" in html
    assert "未写入报告" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest
