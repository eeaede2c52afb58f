"""R7: every cell holds what its kind allows (``tables/cells.py``); a blank is missing."""

from django.utils.translation import gettext as _

from disclosure.statutory import tables as t

from ..tables import cells
from .findings import BLANK, Finding, Severity, column_label, is_number, row_label

# ---------------------------------------------------------------- R7: every cell
_KIND_RULES = {
    t.COUNT: f"应为不超过 {cells.MAX_COUNT} 的非负整数，用半角数字书写",
    t.CHANGE: f"应为绝对值不超过 {cells.MAX_COUNT} 的整数，用半角数字书写",
    t.AMOUNT: (
        f"应为不超过 {cells.MAX_AMOUNT} 的非负数（单位：万元，最多 {cells.AMOUNT_PLACES} 位小数）"
    ),
}


def check_r7(table, values):
    """Counts are non-negative integers, fees may be decimal; a blank cell is missing."""
    findings = []
    for row, column in table.cells():
        finding = check_cell(table, row, column, (values or {}).get(row.key, {}).get(column.key))
        if finding:
            findings.append(finding)
    return findings


def check_cell(table, row, column, value):
    """R7 for one cell (``row``/``column`` are the table's Row and Column): a Finding or None."""
    if value is None or value == "":
        problem, shown = _("空白，缺少数据（空白不等于 0）"), BLANK
    elif isinstance(value, cells.Uncomputed):
        shown = str(value) or _("公式")
        problem = _(
            "是公式“%(formula)s”，但文件中没有它的计算结果（保存该文件的程序不计算公式）；"
            "请在 Excel 或 WPS 中打开该文件并保存，再重新上传或检查"
        ) % {"formula": shown}
    elif not is_number(value, column.kind):
        shown = str(value)
        problem = _("读到“%(value)s”，%(rule)s") % {
            "value": shown,
            "rule": _KIND_RULES[column.kind],
        }
    else:
        return None
    message = cell_message(table, row.key, column.key, problem)
    return Finding(
        "R7",
        Severity.ERROR,
        table.key,
        row.key,
        column.key,
        shown,
        _KIND_RULES[column.kind],
        message,
    )


def cell_message(table, row_key, column_key, problem):
    """``表二 行“…” 列“…”：problem。``"""
    return _("%(table)s 行%(row)s 列%(column)s：%(problem)s。") % {
        "table": table.number,
        "row": row_label(table, row_key),
        "column": column_label(table, row_key, column_key),
        "problem": problem,
    }
