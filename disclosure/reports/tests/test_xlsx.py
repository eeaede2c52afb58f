"""The XLSX layout: written, read back, checked cell by cell, and the checker command."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from disclosure.reports.tests.factories import consistent_report, seed_table_b, write
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t


def test_workbook_reads_back_the_same_values(tmp_path):
    report = consistent_report()
    found = xlsx.read_workbook(write(tmp_path, report))
    assert {key: values for key, (_t, values) in found.items()} == report


def test_workbook_has_the_official_layout(tmp_path):
    sheet = load_workbook(write(tmp_path))["表二"]
    assert sheet["A1"].value == "表二 收到和处理政府信息公开申请情况"
    assert sheet["D2"].value == "申请人情况"
    assert sheet["A7"].value == "三、本年度办理结果"
    assert sheet["B9"].value == "（三）不予公开" and sheet["C9"].value == "1.属于国家秘密"
    assert "A7:A28" in {str(r) for r in sheet.merged_cells.ranges}


def test_seed_table_b_in_2019_layout_is_recognised_with_its_blanks(tmp_path):
    report = consistent_report()
    report["table_b"] = seed_table_b()
    found = xlsx.read_workbook(write(tmp_path, report, b_table=t.TABLE_B_2019))
    assert found["table_b"][0] is t.TABLE_B_2019
    assert found["table_b"][1]["carried_in"]["natural"] is None


def test_checker_names_the_cell(tmp_path, capsys):
    report = consistent_report()
    report["table_b"]["new"]["natural"] = 4  # breaks R1 and R3
    path = write(tmp_path, report)
    with pytest.raises(SystemExit) as exited:
        call_command("check_annual_report", str(path))
    assert exited.value.code == 1
    out = capsys.readouterr().out
    assert "R1 错误 表二 D28:" in out  # （七）总计, 自然人
    assert "R3 错误 表二 J5:" in out  # 一, 总计
    assert "共 2 个错误" in out


def test_checker_passes_a_consistent_workbook(tmp_path, capsys):
    call_command("check_annual_report", str(write(tmp_path)))
    assert "共 0 个错误，0 个警告。" in capsys.readouterr().out


def test_checker_refuses_other_files_clearly(tmp_path):
    other = tmp_path / "other.xlsx"
    other.write_text("not a workbook")
    with pytest.raises(CommandError, match="无法读取该文件"):
        call_command("check_annual_report", str(other))
