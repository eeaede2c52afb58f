"""The printed layout of each table as a grid of cells (merged headers, numbered row labels).

One layout serves the public HTML, the XLSX export and the spreadsheet checker, so the three
cannot drift apart. A grid is a list of :class:`GridRow`; header rows come first. Its words are
in the active language: an English page prints them in English, while the spreadsheet and its
checker build the grid in the statutory Chinese (``xlsx.statutory_language``).
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from disclosure.statutory import tables as t


@dataclass
class Cell:
    text: str = ""
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    scope: str = ""  # "col", "colgroup", "row", "rowgroup" for header cells
    row_key: str = ""  # for value cells: where the value lives
    column_key: str = ""
    value: object = None
    column: int = 0  # where a browser places it (positions()); the web page pins the label columns


@dataclass
class GridRow:
    cells: list = field(default_factory=list)
    head: bool = False  # part of the table's header, repeated on each printed page


def _th(text, scope, colspan=1, rowspan=1):
    return Cell(str(text), colspan, rowspan, header=True, scope=scope)


def _value_cells(columns, row_key, values, fill_to=0):
    cells = [
        Cell(row_key=row_key, column_key=c.key, value=(values or {}).get(row_key, {}).get(c.key))
        for c in columns
    ]
    if fill_to > len(cells):
        cells[-1].colspan = fill_to - len(cells) + 1
    return cells


def table_a_grid(table, values):
    width = max(len(b.columns) for b in table.blocks)
    grid = []
    for block in table.blocks:
        grid.append(GridRow([_th(block.heading, "colgroup", colspan=width + 1)]))
        headers = [_th(c.label, "col") for c in block.columns]
        headers[-1].colspan = width - len(block.columns) + 1
        grid.append(GridRow([_th(_("信息内容"), "col"), *headers]))
        for row in block.rows:
            grid.append(
                GridRow(
                    [_th(row.label, "row"), *_value_cells(block.columns, row.key, values, width)]
                )
            )
    return grid


def table_b_grid(table, values):
    columns = t.TABLE_B_COLUMNS
    applicants = t.APPLICANT_COLUMNS
    organisations = [c for c in applicants if c.group]
    grid = [
        GridRow(
            [
                _th(_("（%(note)s）") % {"note": t.TABLE_B_NOTE}, "", colspan=3, rowspan=3),
                _th(table.blocks[0].heading, "colgroup", colspan=len(columns)),
            ],
            head=True,
        ),
        GridRow(
            [
                _th(applicants[0].label, "col", rowspan=2),
                _th(t.APPLICANT_GROUP, "colgroup", colspan=len(organisations)),
                _th(columns[-1].label, "col", rowspan=2),
            ],
            head=True,
        ),
        GridRow([_th(c.label, "col") for c in organisations], head=True),
    ]
    rows = table.rows
    result_rows = [r for r in rows if r.parent and r.parent != ""]
    seen_groups = set()
    for row in rows:
        labels = []
        if not row.parent:
            labels.append(_th(f"{row.number}{row.label}", "row", colspan=3))
        else:
            if t.RESULTS not in seen_groups:
                seen_groups.add(t.RESULTS)
                number, label = t.ROW_GROUPS[t.RESULTS]
                labels.append(_th(f"{number}{label}", "rowgroup", rowspan=len(result_rows)))
            if row.parent == t.RESULTS:
                labels.append(_th(f"{row.number}{row.label}", "row", colspan=2))
            else:
                if row.parent not in seen_groups:
                    seen_groups.add(row.parent)
                    number, label = t.ROW_GROUPS[row.parent]
                    size = sum(1 for r in rows if r.parent == row.parent)
                    labels.append(_th(f"{number}{label}", "rowgroup", rowspan=size))
                labels.append(_th(f"{row.number}{row.label}", "row"))
        grid.append(GridRow([*labels, *_value_cells(columns, row.key, values)]))
    return grid


def table_c_grid(table, values):
    block = table.blocks[0]
    review, *litigation = t.CASE_GROUPS
    per_group = len(t.RESULT_COLUMNS)
    review_columns = [c for c in block.columns if c.key.startswith(f"{review[0]}_")]
    litigation_columns = [c for c in block.columns if c not in review_columns]
    return [
        GridRow(
            [
                _th(review[1], "colgroup", colspan=per_group),
                _th(_("行政诉讼"), "colgroup", colspan=per_group * len(litigation)),
            ],
            head=True,
        ),
        GridRow(
            [
                *[_th(c.label, "col", rowspan=2) for c in review_columns],
                *[
                    _th(label.split(" · ")[-1], "colgroup", colspan=per_group)
                    for _key, label in litigation
                ],
            ],
            head=True,
        ),
        GridRow([_th(c.label, "col") for c in litigation_columns], head=True),
        GridRow(_value_cells(block.columns, "cases", values)),
    ]


GRIDS = {"table_a": table_a_grid, "table_b": table_b_grid, "table_c": table_c_grid}


def grid(table, values):
    return GRIDS[table.key](table, values)


def positions(rows):
    """Yield (cell, row_index, column_index) with merged cells placed as a browser would."""
    taken = set()
    for r, grid_row in enumerate(rows):
        c = 0
        for cell in grid_row.cells:
            while (r, c) in taken:
                c += 1
            yield cell, r, c
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
