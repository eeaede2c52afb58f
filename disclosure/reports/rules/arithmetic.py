"""R1–R5: the tables' arithmetic, as data (``Equation``) and as findings.

R1–R4 are equations within one table, evaluated here and, from their JSON description
(``blocks.equations_json``), in the editor's browser; R5 compares Table B with last year's.
An equation with a blank or invalid cell is undecidable: it is skipped, and R7 reports the
cell as missing instead, so a blank never shows up as a false arithmetic error.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from disclosure.statutory import tables as t

from .findings import Finding, Severity, cell_value, column_label, row_label


@dataclass(frozen=True)
class Equation:
    """One arithmetic rule over one table: Σ ``left`` cells = Σ ``right`` cells.

    Cells are (row, column) pairs; a finding marks (``row``, ``column``). ``names`` name the two
    sides in the message. R1–R4 are lists of these (:func:`equations`), checked here and, from
    their JSON description (``blocks.equations_json``), in the editor's browser.
    """

    rule: str
    table: t.Table
    row: str
    column: str
    left: tuple
    right: tuple
    names: tuple

    @property
    def cells(self):
        """Every cell of the equation, each once, the marked one first."""
        marked = (self.row, self.column)
        return [marked, *dict.fromkeys(c for c in self.left + self.right if c != marked)]


def equation_message(equation, left_sum, right_sum):
    """The finding's message; the browser fills in the sums of the template made with
    ``left_sum="{left}"`` and ``right_sum="{right}"``."""
    return _("%(table)s 行%(row)s 列%(column)s：%(left)s，但 %(right)s，两者应相等。") % {
        "table": equation.table.number,
        "row": row_label(equation.table, equation.row),
        "column": column_label(equation.table, equation.row, equation.column),
        "left": f"{equation.names[0]} = {left_sum}",
        "right": f"{equation.names[1]} = {right_sum}",
    }


def evaluate(equation, values):
    """The finding of ``equation`` over ``values``, or None when it holds or is undecidable."""
    left = [cell_value(values, r, c) for r, c in equation.left]
    right = [cell_value(values, r, c) for r, c in equation.right]
    if any(v is None for v in left + right):
        return None
    if sum(left) == sum(right):
        return None
    left_text = f"{equation.names[0]} = {sum(left)}"
    right_text = f"{equation.names[1]} = {sum(right)}"
    message = equation_message(equation, sum(left), sum(right))
    table = equation.table.key
    return Finding(
        equation.rule,
        Severity.ERROR,
        table,
        equation.row,
        equation.column,
        left_text,
        right_text,
        message,
    )


def evaluate_all(equations_, values):
    """The findings of every equation of ``equations_`` that does not hold."""
    return [f for f in (evaluate(e, values) for e in equations_) if f is not None]


def table_b_format(table_b):
    """Which Table B variant the values use: the 2019 one has a single （六） row."""
    return t.FORMAT_2019 if "other_processing" in (table_b or {}) else t.FORMAT_2021


# ---------------------------------------------------------------- R1–R4: the equations
def r1_equations(table):
    """Table B, per column: 一 + 二 = 三（七） + 四."""
    return [
        Equation(
            "R1",
            table,
            "result_total",
            c,
            (("new", c), ("carried_in", c)),
            (("result_total", c), ("carried_out", c)),
            ("第一项 + 第二项", "第三项（七）总计 + 第四项"),
        )
        for c in (column.key for column in t.TABLE_B_COLUMNS)
    ]


def r2_equations(table):
    """Table B, per column: （七）总计 = the sum of every outcome row (（一） to （六））."""
    outcome_rows = t.OUTCOME_ROWS_2019 if table is t.TABLE_B_2019 else t.OUTCOME_ROWS_2021
    return [
        Equation(
            "R2",
            table,
            "result_total",
            c,
            (("result_total", c),),
            tuple((r, c) for r in outcome_rows),
            ("（七）总计", "（一）至（六）各项之和"),
        )
        for c in (column.key for column in t.TABLE_B_COLUMNS)
    ]


def r3_equations(table):
    """Table B, per row: 总计 = the sum of the six applicant columns."""
    return [
        Equation(
            "R3",
            table,
            row.key,
            "total",
            ((row.key, "total"),),
            tuple((row.key, c.key) for c in t.APPLICANT_COLUMNS),
            ("总计", "自然人与法人或其他组织各列之和"),
        )
        for row in table.rows
    ]


def r4_equations():
    """Table C, per group: 维持 + 纠正 + 其他 + 尚未审结 = 总计."""
    return [
        Equation(
            "R4",
            t.TABLE_C,
            "cases",
            f"{group}_total",
            (("cases", f"{group}_total"),),
            tuple(("cases", f"{group}_{r}") for r, _l in t.RESULT_COLUMNS if r != "total"),
            ("总计", "结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        )
        for group, _label in t.CASE_GROUPS
    ]


def equations(table):
    """Every equation (R1–R4) that concerns ``table`` alone: Table B's or Table C's."""
    if table.key == "table_b":
        return r1_equations(table) + r2_equations(table) + r3_equations(table)
    if table.key == "table_c":
        return r4_equations()
    return []


# ---------------------------------------------------------------- R5: Table B against last year
def check_r5(table_b, previous_table_b):
    """Per column: this year's 二（上年结转） = last year's 四（结转下年度）."""
    if not previous_table_b:
        return []
    table = t.table(table_b_format(table_b), "table_b")
    findings = []
    for column in t.TABLE_B_COLUMNS:
        this_year = cell_value(table_b, "carried_in", column.key)
        last_year = cell_value(previous_table_b, "carried_out", column.key)
        if this_year is None or last_year is None or this_year == last_year:
            continue
        left = f"本年第二项 = {this_year}"
        right = f"上年报告第四项 = {last_year}"
        message = _(
            "表二 行%(row)s 列%(column)s：%(left)s，但 %(right)s，"
            "上年结转应等于上年报告的结转下年度继续办理。"
        ) % {
            "row": row_label(table, "carried_in"),
            "column": column_label(table, "carried_in", column.key),
            "left": left,
            "right": right,
        }
        findings.append(
            Finding("R5", Severity.ERROR, "table_b", "carried_in", column.key, left, right, message)
        )
    return findings
