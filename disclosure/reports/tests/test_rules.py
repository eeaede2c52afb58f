"""Each rule R1–R9: a consistent report passes, a report breaking exactly that rule fails."""

from decimal import Decimal

import pytest

from disclosure.catalogue.models.organisations import Level
from disclosure.reports.rules import arithmetic
from disclosure.reports.rules.checks import check_report, check_table
from disclosure.reports.rules.each_cell import check_r7
from disclosure.reports.rules.prose import check_r6
from disclosure.reports.rules.regulations import check_r8, check_r9
from disclosure.reports.tests.factories import consistent_b, consistent_report, seed_table_b, zeros
from disclosure.statutory import tables as t


def rule_ids(findings):
    return sorted({f.rule for f in findings})


def findings_of(rule, table, values):
    """What ``check_table`` (the rules the table's block runs) finds under one rule."""
    return [f for f in check_table(table, values) if f.rule == rule]


def test_consistent_report_has_no_findings():
    previous = {"table_b": {"carried_out": consistent_b()["carried_in"]}}
    assert check_report(consistent_report(), previous=previous, level=Level.TOWNSHIP) == []


def test_r1_applications_in_equal_applications_out():
    values = consistent_b()
    values["carried_out"].update(natural=2, total=2)
    findings = findings_of("R1", t.TABLE_B_2021, values)
    assert [(f.rule, f.row, f.column) for f in findings] == [
        ("R1", "result_total", "natural"),
        ("R1", "result_total", "total"),
    ]
    assert findings[0].left == "第一项 + 第二项 = 4"
    assert findings[0].right == "第三项（七）总计 + 第四项 = 5"
    assert "“自然人”" in findings[0].message and "表二" in findings[0].message
    assert findings[0].is_error


def test_r2_total_is_the_sum_of_outcomes():
    values = consistent_b()
    values["granted"].update(natural=1, total=1)
    findings = findings_of("R2", t.TABLE_B_2021, values)
    assert [(f.rule, f.column) for f in findings] == [("R2", "natural"), ("R2", "total")]
    assert findings[0].left == "（七）总计 = 3" and findings[0].right.endswith("= 2")
    assert findings_of("R1", t.TABLE_B_2021, values) == []


def test_r2_counts_every_sub_row_of_other_processing_in_2021():
    values = consistent_b()
    values["other_overdue_fee"].update(natural=1, total=1)
    assert [f.column for f in findings_of("R2", t.TABLE_B_2021, values)] == ["natural", "total"]


def test_r3_row_total_is_the_sum_of_applicants():
    values = consistent_b()
    values["granted"]["commercial"] = 1
    findings = findings_of("R3", t.TABLE_B_2021, values)
    assert [(f.rule, f.row, f.column) for f in findings] == [("R3", "granted", "total")]
    assert "“（一）予以公开”" in findings[0].message


def test_r4_case_results_add_up_to_the_total():
    table_c = consistent_report()["table_c"]
    table_c["cases"]["litigation_direct_pending"] = 2
    findings = findings_of("R4", t.TABLE_C, table_c)
    assert [(f.rule, f.column) for f in findings] == [("R4", "litigation_direct_total")]
    assert findings[0].right.endswith("= 2")


def test_r5_carried_in_equals_last_years_carried_out():
    previous = consistent_b()
    previous["carried_out"].update(natural=0, total=0)
    findings = arithmetic.check_r5(consistent_b(), previous)
    assert [(f.rule, f.row, f.column) for f in findings] == [
        ("R5", "carried_in", "natural"),
        ("R5", "carried_in", "total"),
    ]
    assert arithmetic.check_r5(consistent_b(), None) == []


def test_r6_numbers_in_the_text_match_the_tables():
    report = consistent_report()
    text_ok = "2023年，本镇新收政府信息公开申请 3 件。收到行政复议 1 件。"
    assert check_r6(text_ok, report) == []
    assert check_r6("收到政府信息公开行政复议申请 1 件。", report) == []
    findings = check_r6("2023年，本镇收到需要办理的依申请公开事项 0 项。", report)
    assert [(f.rule, f.severity, f.column) for f in findings] == [("R6", "warning", "total")]


@pytest.mark.parametrize(
    ("row", "column", "value"),
    [("granted", "natural", -1), ("granted", "natural", Decimal("1.5")), ("new", "legal", "三")],
)
def test_r7_counts_are_non_negative_integers(row, column, value):
    values = consistent_b()
    values[row][column] = value
    findings = check_r7(t.TABLE_B_2021, values)
    assert [(f.rule, f.row, f.column) for f in findings] == [("R7", row, column)]


def test_r7_fees_may_be_decimal_but_not_negative():
    table_a = consistent_report()["table_a"]
    assert check_r7(t.TABLE_A_2021, table_a) == []
    table_a["fees"]["amount"] = Decimal("-0.1")
    assert [f.row for f in check_r7(t.TABLE_A_2021, table_a)] == ["fees"]


def test_r7_change_columns_of_2019_may_be_negative():
    values = zeros(t.TABLE_A_2019)
    values["licensing"]["change"] = -3
    assert check_r7(t.TABLE_A_2019, values) == []


def test_r8_in_force_follows_from_last_year():
    report = consistent_report()
    previous = {"normative": {"in_force": 4}, "regulations": {"in_force": 0}}
    assert check_r8(report["table_a"], previous) == []
    previous["normative"]["in_force"] = 10
    findings = check_r8(report["table_a"], previous)
    assert [(f.rule, f.severity, f.row) for f in findings] == [("R8", "warning", "normative")]
    assert findings[0].right.endswith("= 11")


@pytest.mark.parametrize(
    "level, label",
    [("township", "乡镇、街道"), ("county", "县级人民政府"), ("department", "政府部门")],
)
def test_r9_townships_counties_and_departments_make_no_regulations(level, label):
    table_a = consistent_report()["table_a"]
    table_a["regulations"]["issued"] = 1
    findings = check_r9(table_a, level)
    assert [(f.rule, f.severity, f.column) for f in findings] == [("R9", "warning", "issued")]
    assert findings[0].message.startswith(f"表一 行“规章”：{label}无权制定规章")


@pytest.mark.parametrize("level", ["city", "province", ""])
def test_r9_lets_provinces_and_cities_make_regulations(level):
    table_a = consistent_report()["table_a"]
    table_a["regulations"]["issued"] = 1
    assert check_r9(table_a, level) == []


def test_seed_blanks_are_missing_not_arithmetic_errors():
    findings = check_report({"table_b": seed_table_b()})
    assert [(f.rule, f.row, f.column) for f in findings] == [
        ("R7", "carried_in", "natural"),
        ("R7", "unprocessed_excessive", "natural"),
    ]
    assert (
        "空白" in findings[0].message
        and "“二、上年结转政府信息公开申请数量”" in findings[0].message
    )
    assert "“（五）不予处理4.无正当理由大量反复申请”" in findings[1].message


def test_seed_filled_with_the_zeros_the_totals_imply_is_consistent():
    values = seed_table_b()
    values["carried_in"]["natural"] = 0
    values["unprocessed_excessive"]["natural"] = 0
    assert check_report({"table_b": values}) == []
