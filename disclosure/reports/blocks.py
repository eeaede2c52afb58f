"""StreamField blocks of the annual report: the six sections and the three statistical tables.

A table block is a StructBlock with one number block per cell, named ``<row>__<column>``, so
that Wagtail attaches each error to its cell and the admin form (``form_template``) can lay the
cells out like the printed table. In the database the value is stored in the shape of
``tables.py`` — ``{row: {column: value}}`` — which is what the application register writes.

Validation: a cell is required, but Wagtail 8 defers required validation when an editor saves a
draft (``is_deferred_validation``), so a draft may keep blanks; submitting or publishing requires
every cell and runs the rules R1–R4 and R7 on the block (R5 needs last year's report: the page
form checks it, see ``forms.py``).
"""

import json

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.blocks.struct_block import StructBlockAdapter

from disclosure.reports.rules import arithmetic
from disclosure.reports.rules.checks import check_table
from disclosure.reports.rules.each_cell import check_cell
from disclosure.reports.rules.findings import errors
from disclosure.reports.tables import cells, layout
from disclosure.statutory import tables as t

SEPARATOR = "__"


class Section(models.TextChoices):
    """The six statutory sections of the report (2021 format), in order; the value is what a
    section block stores."""

    OVERVIEW = "1", _("一、总体情况")
    PROACTIVE = "2", _("二、主动公开政府信息情况")
    REQUESTS = "3", _("三、收到和处理政府信息公开申请情况")
    REVIEWS = "4", _("四、政府信息公开行政复议、行政诉讼情况")
    PROBLEMS = "5", _("五、存在的主要问题及改进情况")
    OTHER = "6", _("六、其他需要报告的事项")


class InvalidCellValue(ValueError):
    """A table value that is neither blank nor a valid number was about to be stored."""


def cell_name(row_key, column_key):
    return f"{row_key}{SEPARATOR}{column_key}"


# The placeholders of the two sums in a browser message template (see equations_json).
LEFT_SUM, RIGHT_SUM = "{left}", "{right}"


def equations_json(table):
    """The equations R1–R4 of ``table`` (``rules.arithmetic.equations``) for the live check,
    ``reports/table_rules.js``: each equation's rule, its cells by their block names (the cell
    the server marks first), its two sides and the server's message, in the editor's language,
    with ``{left}`` and ``{right}`` where the sums go."""
    return [
        {
            "rule": equation.rule,
            "cell": cell_name(equation.row, equation.column),
            "cells": [cell_name(r, c) for r, c in equation.cells],
            "left": [cell_name(r, c) for r, c in equation.left],
            "right": [cell_name(r, c) for r, c in equation.right],
            "message": str(arithmetic.equation_message(equation, LEFT_SUM, RIGHT_SUM)),
        }
        for equation in arithmetic.equations(table)
    ]


class SectionBlock(blocks.StructBlock):
    """One of the six statutory sections: its fixed heading and its text."""

    section = blocks.ChoiceBlock(choices=Section.choices, label=_("部分"))
    body = blocks.RichTextBlock(
        label=_("正文"), features=["bold", "italic", "h3", "h4", "ol", "ul", "link"]
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = dict(Section.choices).get(value["section"], "")
        return context

    class Meta:
        icon = "doc-full"
        label = _("报告正文部分")
        template = "reports/blocks/section.html"


class _CellFieldMixin:
    """A cell's form field reads its input with ``cells.parse`` (ASCII digits, no sign, no
    exponent, finite), so that what R7 refuses is refused here too, even in a draft, and the
    error is R7's message on the cell."""

    def __init__(self, *args, table, row, column, **kwargs):
        super().__init__(*args, **kwargs)
        self.cell = (table, row, column)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        parsed = cells.parse(value, self.cell[2].kind)
        if not cells.is_valid(parsed, self.cell[2].kind):
            finding = check_cell(*self.cell, parsed)
            raise ValidationError(finding.message, code="invalid")
        return parsed


class CountField(_CellFieldMixin, forms.IntegerField):
    pass


class AmountField(_CellFieldMixin, forms.DecimalField):
    pass


class _CellBlock:
    """A number cell whose input is labelled with its row and column (no visible label).

    Still an IntegerBlock or DecimalBlock (for code that asks), with the cell's own field."""

    field_class = CountField

    def __init__(self, table, row, column, required=True, **kwargs):
        label = f"{row.number}{row.label} · {column.label}"
        self.field = self.field_class(
            required=required, table=table, row=row, column=column, **self.field_options(column)
        )
        self.field.widget.attrs.update({"aria-label": str(label), "class": "gk-cell"})
        blocks.FieldBlock.__init__(self, label=label, **kwargs)  # the field is built above

    def field_options(self, column):
        minimum = -cells.MAX_COUNT if column.kind == t.CHANGE else 0
        return {"min_value": minimum, "max_value": cells.MAX_COUNT}

    def to_python(self, value):
        # What was stored is read as a form would read it; a value no rule accepts stays as
        # text for R7 to name, instead of breaking the page, its preview or its PDF.
        return cells.parse(value, self.field.cell[2].kind)


class CountCellBlock(_CellBlock, blocks.IntegerBlock):
    pass


class AmountCellBlock(_CellBlock, blocks.DecimalBlock):
    field_class = AmountField

    def field_options(self, column):
        return {
            "min_value": 0,
            "max_value": cells.MAX_AMOUNT,
            "decimal_places": cells.AMOUNT_PLACES,
            "max_digits": cells.AMOUNT_DIGITS,
        }


def _cell_block(table, row, column):
    block_class = AmountCellBlock if column.kind == t.AMOUNT else CountCellBlock
    return block_class(table, row, column)


class StatisticalTableBlock(blocks.StructBlock):
    """Base of the table blocks; a subclass names its table with ``format_key``/``table_key``."""

    format_key = t.FORMAT_2021
    table_key = ""

    def __init__(self, **kwargs):
        children = [
            (cell_name(r.key, c.key), _cell_block(self.table, r, c)) for r, c in self.table.cells()
        ]
        super().__init__(children, **kwargs)

    @property
    def table(self):
        return t.table(self.format_key, self.table_key)

    # Frozen in migrations as this class, not as 200 cells.
    def deconstruct(self):
        path = f"{self.__class__.__module__}.{self.__class__.__name__}"
        return (path, [], self._constructor_kwargs)

    def deconstruct_with_lookup(self, lookup):
        return self.deconstruct()

    @classmethod
    def construct_from_lookup(cls, lookup, *args, **kwargs):
        return cls(**kwargs)

    # ------------------------------------------------------------ storage as {row: {column: v}}
    def _flatten(self, value):
        if any(SEPARATOR in key for key in value):
            return dict(value)
        return {
            cell_name(row, column): cell
            for row, cells in value.items()
            if isinstance(cells, dict)
            for column, cell in cells.items()
            if cell_name(row, column) in self.child_blocks
        }

    def to_python(self, value):
        return super().to_python(self._flatten(value or {}))

    def bulk_to_python(self, values):
        return super().bulk_to_python([self._flatten(v or {}) for v in values])

    def normalize(self, value):
        if isinstance(value, self.meta.value_class):
            return value
        return super().normalize(self._flatten(value or {}))

    def get_prep_value(self, value):
        nested = self._nest(super().get_prep_value(value))
        # Where a table reaches the database, whichever way it came (the admin form, an uploaded
        # workbook, the register, the importer): a blank or a valid number, nothing else.
        # (A form's raw text, as Wagtail's has_changed() passes it, is read as the form reads it.)
        for row, column in self.table.cells():
            cell = cells.parse(nested[row.key][column.key], column.kind)
            if cell is not None and not cells.is_valid(cell, column.kind):
                raise InvalidCellValue(check_cell(self.table, row, column, cell).message)
            nested[row.key][column.key] = cell
        return nested

    def get_api_representation(self, value, context=None):
        return self._nest(super().get_api_representation(value, context=context))

    def _nest(self, flat):
        nested = self.table.empty_values()
        for name, cell in flat.items():
            row, column = name.split(SEPARATOR)
            nested[row][column] = cell
        return nested

    def values(self, value):
        """The block's value as ``{row: {column: int | Decimal | None}}`` for the rules."""
        return self._nest(dict(value.items()))

    # ------------------------------------------------------------ validation
    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:
            return value  # a draft: blanks and unfinished sums are shown, not refused
        findings = errors(check_table(self.table, self.values(value)))
        if findings:
            cell_errors = {}
            for finding in findings:
                cell_errors.setdefault(
                    cell_name(finding.row, finding.column), ValidationError(finding.message)
                )
            raise blocks.StructBlockValidationError(
                block_errors=cell_errors,
                non_block_errors=[
                    _("%(table)s有 %(count)d 处数字不符合填报规则，见标出的单元格。")
                    % {"table": self.table.number, "count": len(findings)}
                ],
            )
        return value

    # ------------------------------------------------------------ renderings
    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        rows = layout.grid(self.table, self.values(value))
        for cell, _row, column in layout.positions(rows):
            cell.column = column
        context["grid"] = {
            "table": self.table,
            "name": _(self.table.number),
            "head": [r for r in rows if r.head],
            "body": [r for r in rows if not r.head],
        }
        return context

    # ------------------------------------------------------------ the admin form
    def get_form_context(self, value, prefix="", errors=None):
        context = super().get_form_context(value, prefix=prefix, errors=errors)
        context["parts"] = [
            {
                "block": part,
                "rows": [
                    {
                        "row": row,
                        "group": t.ROW_GROUPS.get(row.parent, ("", ""))
                        if row.parent not in ("", t.RESULTS)
                        else ("", ""),
                        "cells": [
                            (
                                cell_name(row.key, c.key),
                                context["children"][cell_name(row.key, c.key)],
                            )
                            for c in part.columns
                        ],
                    }
                    for row in part.rows
                ],
            }
            for part in self.table.blocks
        ]
        context["table"] = self.table
        context["equations"] = json.dumps(equations_json(self.table), ensure_ascii=False)
        return context

    class Meta:
        form_template = "reports/blocks/table_form.html"
        template = "reports/blocks/table.html"
        icon = "table"
        # Wagtail's collapsed heading (and the minimap) shows the first child's value after the
        # label by default: the first cell's count, meaningless there. The label alone.
        label_format = ""


class StatisticalTableBlockAdapter(StructBlockAdapter):
    """Wagtail's StructBlock in the browser, with the script that checks the equations the
    form template describes (``data-gk-equations``) while the editor types, and the one that
    keeps Tab moving from cell to cell (``table_keyboard.js``)."""

    @cached_property
    def media(self):
        return super().media + forms.Media(
            js=[
                versioned_static("reports/table_rules.js"),
                versioned_static("reports/table_keyboard.js"),
            ],
            css={"all": [versioned_static("reports/table_rules.css")]},
        )


register(StatisticalTableBlockAdapter(), StatisticalTableBlock)


def table_label(format_key, table_key):
    """A table block's label, from the statutory table: "表二 收到和处理政府信息公开申请情况",
    followed by its format where the table has two ("· 2019 年试行格式")."""
    table = t.table(format_key, table_key)
    name = format_lazy(_("{number} {caption}"), number=_(table.number), caption=table.caption)
    if all(t.table(other, table_key) is table for other in t.TABLES):
        return name
    return format_lazy(_("{table} · {format}"), table=name, format=t.Format(format_key).label)


class TableA2021Block(StatisticalTableBlock):
    table_key = "table_a"

    class Meta:
        label = table_label(t.FORMAT_2021, "table_a")


class TableA2019Block(StatisticalTableBlock):
    format_key = t.FORMAT_2019
    table_key = "table_a"

    class Meta:
        label = table_label(t.FORMAT_2019, "table_a")


class TableB2021Block(StatisticalTableBlock):
    table_key = "table_b"

    class Meta:
        label = table_label(t.FORMAT_2021, "table_b")


# The 2019 format's Table B has a single row （六）其他处理 (real reports mix it with a 2021
# Table A).
class TableB2019Block(StatisticalTableBlock):
    format_key = t.FORMAT_2019
    table_key = "table_b"

    class Meta:
        label = table_label(t.FORMAT_2019, "table_b")


class TableCBlock(StatisticalTableBlock):
    table_key = "table_c"

    class Meta:
        label = table_label(t.FORMAT_2021, "table_c")


# The block type names of the page's StreamField, by table and format.
TABLE_BLOCK_NAMES = {
    ("table_a", t.FORMAT_2021): "table_a",
    ("table_a", t.FORMAT_2019): "table_a_2019",
    ("table_b", t.FORMAT_2021): "table_b",
    ("table_b", t.FORMAT_2019): "table_b_2019",
    ("table_c", t.FORMAT_2021): "table_c",
    ("table_c", t.FORMAT_2019): "table_c",
}


class ReportBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    table_a = TableA2021Block()
    table_a_2019 = TableA2019Block()
    table_b = TableB2021Block()
    table_b_2019 = TableB2019Block()
    table_c = TableCBlock()
