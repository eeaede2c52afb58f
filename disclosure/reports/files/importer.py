"""Reading an annual report in the text form of the seed (a PDF turned into text).

What real files look like (docs/domain.md, "What real report files look like"): tables broken
across pages into pieces with no repeated header, wrapped and mangled labels ("(-)" for （一）,
"四、纟"), blank cells where 0 was meant, a 2019-style single （六） row beside a 2021-style
Table A, "四、" used both for a table row and for report section 四, dates split ("1 2 月").
Rows are therefore placed by their order within the table, checked against anchor labels; a file
whose tables do not fit either format is refused with a message saying what did not fit.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from disclosure.catalogue.models import DisclosureIndexPage
from disclosure.reports.blocks import Section
from disclosure.reports.filling.page_body import paragraphs_html, report_body
from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from disclosure.reports.rules import years
from disclosure.reports.rules.each_cell import check_r7
from disclosure.reports.tables.cells import is_valid as is_valid_cell
from disclosure.reports.tables.cells import parse as parse_cell
from disclosure.statutory import tables as t


class ImportFormatError(ValueError):
    """The text is not a report in a layout the importer knows."""


@dataclass
class ParsedReport:
    title: str
    sections: dict  # "1"…"6" -> plain text (one paragraph a line)
    tables: dict  # table key -> (format key, values)
    blanks: list = field(default_factory=list)  # R7 findings: cells found blank or unreadable
    unplaced: list = field(default_factory=list)  # Chinese lines: table rows put nowhere

    @property
    def table_format(self):
        return self.tables["table_a"][0]

    def storable_tables(self):
        """The tables with each unreadable cell left blank: it is listed in ``blanks`` (with
        what was read), and a draft may hold a blank but never a text where a number goes."""
        return {
            key: (format_key, without_invalid(t.table(format_key, key), values))
            for key, (format_key, values) in self.tables.items()
        }


def without_invalid(table, values):
    kinds = {(row.key, column.key): column.kind for row, column in table.cells()}
    return {
        row: {
            column: value if is_valid_cell(value, kinds[(row, column)]) else None
            for column, value in columns.items()
        }
        for row, columns in values.items()
    }


CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_SPACE_IN_CJK = re.compile(rf"(?<=[{CJK}0-9])[ \t]+(?=[{CJK}])|(?<=[{CJK}])[ \t]+(?=[0-9])")
_SPLIT_DATE = re.compile(r"(?<![0-9])([0-9]) ([0-9])(?=\s*[月日])")


def join_cjk(text):
    """Remove the spaces a PDF-to-text conversion puts between Chinese characters."""
    return _SPACE_IN_CJK.sub("", _SPLIT_DATE.sub(r"\1\2", text)).strip()


# What ends a paragraph; a line ending otherwise was cut by the page's width (a PDF's text, a
# Word document saved as text) and goes on in the next line: “…微平台和政务公” / “开网站上…”.
_PARAGRAPH_END = tuple("。！？；：…”’」』）)!?;:.")
# What starts a paragraph of its own: a heading or an enumerated point.
_NEW_PARAGRAPH = re.compile(
    r"[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|\d+[.、．]|第[一二三四五六七八九十百]+[条章节]"
)
_HEADING_LENGTH = 40


def rejoin_paragraphs(lines):
    """One line per paragraph: a line cut mid-sentence is joined with the line that goes on
    with it; a short line starting as a heading stays a line of its own."""
    paragraphs = []
    for line in lines:
        previous = paragraphs[-1] if paragraphs else ""
        cut = previous and not previous.endswith(_PARAGRAPH_END)
        heading = _NEW_PARAGRAPH.match(previous) and len(previous) <= _HEADING_LENGTH
        if cut and not heading and not _NEW_PARAGRAPH.match(line):
            paragraphs[-1] = previous + line
        else:
            paragraphs.append(line)
    return paragraphs


def _compact(text):
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- sections


def split_sections(lines):
    """``(preamble lines, {"1": [lines], …})``; table lines (``|``) stay with their section."""
    expected = iter(Section.choices)
    key, heading = next(expected)
    preamble, sections, current = [], {}, None
    for line in lines:
        if key and line and not line.startswith("|") and _compact(line) == _compact(str(heading)):
            current = sections.setdefault(key, [])
            key, heading = next(expected, (None, ""))
            continue
        (preamble if current is None else current).append(line)
    missing = [section.label for section in Section if section.value not in sections]
    if missing:
        raise ImportFormatError(
            _("找不到年度报告的以下部分（应为单独一行的标题）：%(parts)s")
            % {"parts": "、".join(str(m) for m in missing)}
        )
    return preamble, sections


# ---------------------------------------------------------------- tables
# A published report prints digits full-width as often as half-width ("１２"): its prose is
# read so (R6, after NFKC) and so are its tables' rows. A cell typed in the admin or a
# workbook is another matter: the person who typed it can fix it (tables/cells.py, R7).
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")


def ascii_digits(text):
    return text.translate(_FULL_WIDTH_DIGITS)


def table_rows(lines):
    """The cells of each table line, without separator lines (``|---|``); full-width digits
    in ASCII."""
    rows = []
    for line in lines:
        if not line.startswith("|"):
            continue
        cells = [ascii_digits(cell.strip()) for cell in line.strip().strip("|").split("|")]
        if all(re.fullmatch(r"-*", cell) for cell in cells):
            continue
        rows.append(cells)
    return rows


def _number(text, kind=t.COUNT):
    """A cell of the text; what is not a valid number stays text, for R7 to report."""
    return parse_cell(_compact(text), kind)


def _is_number_or_blank(text):
    return not _compact(text) or re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", _compact(text))


def parse_table_a(rows, section_text=""):
    """Table A: each row names itself ("行政许可"); the format shows in its column headers
    (found among the table's rows, or in the section's text: a PDF's header row has no
    numbers, so it is a line of text there)."""
    headers = _compact(" ".join(" ".join(r) for r in rows) + section_text)
    if "本年制发件数" in headers:
        format_key = t.FORMAT_2021
    elif "本年新制作" in headers:
        format_key = t.FORMAT_2019
    else:
        raise ImportFormatError(_("主动公开情况表的表头既不是 2021 年格式也不是 2019 年格式。"))
    table = t.table(format_key, "table_a")
    values = table.empty_values()
    labels = {_compact(str(row.label)): row for row in table.rows}
    placed = set()
    for cells in rows:
        label = _compact(cells[0]) if cells else ""
        row = labels.get(label)
        if row is None:
            continue
        numbers = [c for c in cells[1:] if _compact(c)]
        columns = table.block_of(row.key).columns
        for column, text in zip(columns, numbers, strict=False):
            values[row.key][column.key] = _number(text, column.kind)
        placed.add(row.key)
    missing = [str(r.label) for r in table.rows if r.key not in placed]
    if missing:
        raise ImportFormatError(
            _("主动公开情况表缺少以下行：%(rows)s") % {"rows": "、".join(missing)}
        )
    return format_key, values


# Anchor words a Table B row label must contain, by row key (labels are often mangled, so only
# the rows whose labels survive in practice are checked).
_B_ANCHORS = {
    "new": "新收",
    "carried_in": "上年结转",
    "result_total": "总计",
    "carried_out": "结转下年度",
}


def parse_table_b(rows):
    """Table B: the last 7 cells of every data row, placed in order (23 rows = 2019 format)."""
    width = len(t.TABLE_B_COLUMNS)
    # A row whose label wrapped onto lines of its own (a PDF) has its numbers only.
    data = [
        cells
        for cells in rows
        if len(cells) >= width
        and all(_is_number_or_blank(c) for c in cells[-width:])
        and any(_compact(c) for c in cells[-width:])
    ]
    by_count = {len(t.TABLE_B_2021.rows): t.FORMAT_2021, len(t.TABLE_B_2019.rows): t.FORMAT_2019}
    format_key = by_count.get(len(data))
    if format_key is None:
        raise ImportFormatError(
            _(
                "申请情况表有 %(found)d 行数据，而 2021 年格式应有 %(new)d 行、"
                "2019 年格式应有 %(old)d 行，无法确定各行的含义。"
            )
            % {"found": len(data), "new": len(t.TABLE_B_2021.rows), "old": len(t.TABLE_B_2019.rows)}
        )
    table = t.table(format_key, "table_b")
    values = table.empty_values()
    for row, cells in zip(table.rows, data, strict=True):
        label = _compact("".join(cells[:-width]))
        anchor = _B_ANCHORS.get(row.key)
        if anchor and anchor not in label:
            raise ImportFormatError(
                _("申请情况表的第 %(n)d 行应为“%(row)s”，读到的是“%(label)s”。")
                % {"n": table.rows.index(row) + 1, "row": row.label, "label": label}
            )
        if row.key == "other_processing" and "其他处理" not in label:
            raise ImportFormatError(_("申请情况表的（六）行应为“其他处理”。"))
        for column, text in zip(t.TABLE_B_COLUMNS, cells[-width:], strict=True):
            values[row.key][column.key] = _number(text)
    return format_key, values


def parse_table_c(rows):
    """Table C: the one row of 15 numbers."""
    width = len(t.TABLE_C.blocks[0].columns)
    for cells in rows:
        numeric = all(_is_number_or_blank(c) for c in cells) and any(_compact(c) for c in cells)
        if len(cells) == width and numeric:
            values = t.TABLE_C.empty_values()
            for column, text in zip(t.TABLE_C.blocks[0].columns, cells, strict=True):
                values["cases"][column.key] = _number(text)
            return t.FORMAT_2021, values
    raise ImportFormatError(_("行政复议、行政诉讼情况表中找不到 15 个数字的数据行。"))


# ---------------------------------------------------------------- the whole report
_SUBTITLE = re.compile(r"·\s*(?:19|20)[0-9]{2}\s*年度")


def _title(lines):
    """The title and the index of the line after it: the first line, or the first lines up to
    the one that ends it (a long title wraps in a PDF or a Word document)."""
    start = next((i for i, line in enumerate(lines) if line), 0)
    title = ""
    for end in range(start, min(start + 3, len(lines))):
        title += join_cjk(lines[end])
        if "年度报告" in title:
            return title, end + 1
    raise ImportFormatError(
        _("第一行应为报告标题（含“年度报告”），读到的是“%(t)s”。")
        % {"t": join_cjk(lines[start]) if lines else ""}
    )


def parse_report(text):
    lines = [line.strip() for line in text.splitlines()]
    title, body_start = _title(lines)
    preamble, sections = split_sections(lines[body_start:])
    section_text = "".join(ln for ln in sections["2"] if not ln.startswith("|"))
    parsed_tables = {
        "table_a": parse_table_a(table_rows(sections["2"]), section_text),
        "table_b": parse_table_b(table_rows(sections["3"])),
        "table_c": parse_table_c(table_rows(sections["4"])),
    }
    prose = {
        key: "\n".join(rejoin_paragraphs([join_cjk(line) for line in _prose_lines(key, section)]))
        for key, section in sections.items()
    }
    # Our own PDF prints "机构 · 2023 年度 · 格式" under the title: a heading, not the text.
    preface = "\n".join(
        join_cjk(line) for line in preamble if line and not _SUBTITLE.search(join_cjk(line))
    )
    if preface:
        prose["1"] = f"{preface}\n{prose['1']}"
    blanks = []
    for key, (format_key, values) in parsed_tables.items():
        blanks += check_r7(t.table(format_key, key), values)
    return ParsedReport(
        title=title,
        sections=prose,
        tables=parsed_tables,
        blanks=blanks,
        unplaced=unplaced_rows(sections, parsed_tables["table_a"][0]),
    )


def _prose_lines(key, lines):
    """A section's text without its table: the table rows, and in a Word document or a PDF the
    table's caption ("表二 收到和处理…") and what lies between it and the table's last row
    (header cells and wrapped labels, which a PDF gives as lines of text)."""
    table_key = {"2": "table_a", "3": "table_b", "4": "table_c"}.get(key)
    start = end = None
    if table_key:
        caption = _compact(f"{t.number_of(table_key)}{t.table(t.FORMAT_2021, table_key).caption}")
        start = next((i for i, line in enumerate(lines) if _compact(line) == caption), None)
        rows = [i for i, line in enumerate(lines) if line.startswith("|")]
        end = rows[-1] if rows else None
    return [
        line
        for i, line in enumerate(lines)
        if line
        and not line.startswith("|")
        and not (start is not None and end is not None and start <= i <= end)
    ]


def _numbers_in(cells):
    return sum(1 for cell in cells if _compact(cell) and _is_number_or_blank(cell))


def unplaced_rows(sections, table_a_format):
    """Rows with numbers that no table took: a Table A row of an unknown label, a Table B row of
    too few numbers, a second row of numbers under Table C, a table in sections 一, 五, 六."""
    labels = {_compact(str(row.label)) for row in t.table(table_a_format, "table_a").rows}
    width_b = len(t.TABLE_B_COLUMNS)
    width_c = len(t.TABLE_C.blocks[0].columns)
    headings = dict(Section.choices)
    found, table_c_rows = [], 0
    for key, lines in sections.items():
        for cells in table_rows(lines):
            if not _numbers_in(cells):
                continue
            if key == "2":
                placed = cells and _compact(cells[0]) in labels
            elif key == "3":
                placed = len(cells) >= width_b and all(
                    _is_number_or_blank(c) for c in cells[-width_b:]
                )
            elif key == "4":
                placed = len(cells) == width_c and table_c_rows == 0
                table_c_rows += placed
            else:
                placed = False
            if not placed:
                found.append(
                    _("“%(section)s”中的表格行“%(row)s”没有对应到任何统计表的行。")
                    % {"section": headings[key], "row": " | ".join(cells)}
                )
    return found


def check_title(title, organisation, year=None):
    """The report's year, as its title names it (2023年, 二〇二三年, ２０２３年); ``year``, when
    given, must be that one, and an organisation the title names must be ``organisation``.
    A title that names no year is refused: the year of a report is never guessed."""
    found, before = years.year_in(title)
    problems = []
    if found is None:
        problems.append(
            _("报告标题“%(title)s”中找不到年度（应如“2023年”或“二〇二三年”）。") % {"title": title}
        )
    elif year is not None and found != year:
        problems.append(
            _("报告标题“%(title)s”是 %(found)s 年度的，而导入的年度是 %(year)s。")
            % {"title": title, "found": found, "year": year}
        )
    named = _organisation_in(before if found else "")
    names = [_organisation_in(n) for n in (organisation.name, organisation.short_name) if n]
    if named and not any(n and (n in named or named in n) for n in names):
        problems.append(
            _("报告标题中的机构“%(found)s”不是“%(name)s”。")
            % {"found": named, "name": organisation.name}
        )
    if problems:
        raise ImportFormatError("\n".join(problems))
    return found


def _organisation_in(text):
    return re.sub(r"\s+|关于|^中共", "", unicodedata.normalize("NFKC", text or ""))


def import_report(text, organisation_name, year=None, user=None):
    """Create a draft AnnualReportPage from the text; return ``(page, ParsedReport)``. The year
    is the one the title names (``year``, when given, must agree with it)."""
    parsed = parse_report(text)
    index = index_for(organisation_name)
    root = index.get_parent()
    year = check_title(parsed.title, root.specific.organisation, year)
    if AnnualReportPage.of_year(root, year):
        raise ImportFormatError(
            _("%(org)s 已有 %(year)s 年度的年度报告。") % {"org": organisation_name, "year": year}
        )
    assert isinstance(index, AnnualReportIndexPage)
    page = AnnualReportPage(
        title=parsed.title,
        slug=str(year),
        year=year,
        report_format=parsed.table_format,
        body=report_body(
            {key: paragraphs_html(text) for key, text in parsed.sections.items()},
            parsed.storable_tables(),
        ),
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    return page, parsed


def index_for(organisation_name):
    """The AnnualReportIndexPage under the named organisation's disclosure root."""
    roots = DisclosureIndexPage.objects.filter(
        Q(organisation__name=organisation_name) | Q(organisation__short_name=organisation_name)
    )
    if not roots.exists():
        raise ImportFormatError(
            _("找不到名为“%(name)s”的公开主体的信息公开目录。") % {"name": organisation_name}
        )
    for root in roots:
        index = AnnualReportIndexPage.objects.child_of(root).first()
        if index:
            return index
    raise ImportFormatError(
        _("“%(name)s”的信息公开目录下还没有年度报告栏目，请先建立。") % {"name": organisation_name}
    )
