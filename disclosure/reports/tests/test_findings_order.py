"""An arithmetic error stays in sight in a half-filled report: errors first, the blank cells
told as one line (the cells inside it), then the warnings."""

from django.template.loader import render_to_string

from disclosure.reports.files.checker import Check
from disclosure.reports.rules.checks import check_report
from disclosure.reports.rules.findings import arranged
from disclosure.reports.tests.factories import consistent_report


def half_filled_with_an_arithmetic_error():
    """Table C left blank (R7 for each cell), 表二's carried-over count one too many (R1)."""
    report = consistent_report()
    report["table_b"]["carried_out"].update(natural=2, total=2)
    report["table_c"] = {}
    return check_report(report)


def test_errors_come_first_then_the_blank_cells_then_the_warnings():
    findings = half_filled_with_an_arithmetic_error()
    blanks = [f for f in findings if f.is_blank_cell]
    assert len(blanks) > 10 and {f.rule for f in blanks} == {"R7"}
    in_order = arranged(findings)
    assert [f.rule for f in in_order.errors] == ["R1", "R1"]
    assert in_order.blanks == blanks
    assert all(not f.is_error for f in in_order.warnings)
    assert sorted(map(repr, in_order)) == sorted(map(repr, findings))  # none lost, none added


def test_the_list_tells_the_blank_cells_in_one_line():
    findings = half_filled_with_an_arithmetic_error()
    html = render_to_string("reports/includes/findings_list.html", {"findings": findings})
    arithmetic = html.index("R1 错误")
    summary = html.index("data-blank-cells")
    assert arithmetic < summary
    blanks = [f for f in findings if f.is_blank_cell]
    assert f"{len(blanks)} 个单元格空白" in html
    inside = html[summary:]
    assert inside.index("<details>") < inside.index(blanks[0].message)
    # One line for all of them, not one "R7 错误" line per cell.
    assert html.count("R7 错误") == 1


def test_the_command_line_check_puts_the_arithmetic_error_before_the_blanks():
    findings = half_filled_with_an_arithmetic_error()
    blanks_first = sorted(findings, key=lambda f: not f.is_blank_cell)
    check = Check(located=[(f, "表二 B2") for f in blanks_first])
    lines = check.lines()
    assert lines[0].startswith("R1 错误") and len(lines) == len(findings)
