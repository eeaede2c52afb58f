"""The statutory tables of the annual report, row by row and column by column.

One definition of each table's layout (国办公开办函〔2021〕30号, and the 2019 trial format
国办公开办函〔2019〕60号 for past years). Everything else speaks in these keys: the StreamField
blocks, the consistency rules, the exports, the importers and the statistics computed from the
application register. A table's values are ``{row_key: {column_key: number or None}}``; ``None``
is a blank cell (missing, never zero).

Labels are code, not content: they go through gettext so that translation never copies them
from a source page (wagtail-localize does not translate table cells).
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class Format(models.TextChoices):
    """The format of an annual report's tables; the value is what reports store."""

    V2021 = "2021", _("2021 年格式（国办公开办函〔2021〕30号）")
    V2019 = "2019", _("2019 年试行格式")


# The names the reports app reads (disclosure/reports): the same members, not a second list.
FORMAT_2021 = Format.V2021
FORMAT_2019 = Format.V2019
FORMATS = Format.choices


class CellKind(models.TextChoices):
    """What a cell's value may be (rule R7)."""

    COUNT = "count", _("非负整数")
    CHANGE = "change", _("可为负数的整数（本年增/减）")
    AMOUNT = "amount", _("非负金额（万元）")


# The names the rules, cells and importers read: the same members, as FORMAT_2021 above.
COUNT = CellKind.COUNT
CHANGE = CellKind.CHANGE
AMOUNT = CellKind.AMOUNT


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    kind: CellKind = CellKind.COUNT
    group: str = ""  # the merged header cell above it, if any


@dataclass(frozen=True)
class Row:
    key: str
    # The numbering printed before the label, through gettext: "一、", "（一）", "1." (an English
    # page numbers "I. ", "(1) " and "1. ", with the space a Latin label needs).
    number: str
    label: str
    parent: str = ""  # key of the row this one is part of (e.g. 三 for （一）), or a section
    total: bool = False


@dataclass(frozen=True)
class Block:
    """A part of a table with its own columns (Table A has one per article item)."""

    key: str
    heading: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Table:
    key: str
    # 表一, 表二, 表三: the statutory name, kept in Chinese wherever a workbook or a finding
    # names the table (a sheet's name, a cell's address); a page shows it through gettext
    # (`_(table.number)`), so an English page says "Table 2".
    number: str
    caption: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)

    @property
    def rows(self):
        return [row for block in self.blocks for row in block.rows]

    def block_of(self, row_key):
        return next(b for b in self.blocks if any(r.key == row_key for r in b.rows))

    def cells(self):
        """Every (row, column) pair of the table, in reading order."""
        return [
            (row, column) for block in self.blocks for row in block.rows for column in block.columns
        ]

    def empty_values(self):
        return {
            row.key: {column.key: None for column in block.columns}
            for block in self.blocks
            for row in block.rows
        }


# ---------------------------------------------------------------- Table A 主动公开
# The items of Art. 20 whose figures Table A reports, by item number.
_ARTICLE_20_ITEMS = {
    1: _("第二十条第（一）项"),
    5: _("第二十条第（五）项"),
    6: _("第二十条第（六）项"),
    8: _("第二十条第（八）项"),
    9: _("第二十条第（九）项"),
}


def _article_20(item, columns, rows):
    return Block(f"article_20_{item}", _ARTICLE_20_ITEMS[item], columns, rows)


def _table_a(*blocks):
    return Table(
        key="table_a", number=gettext_noop("表一"), caption=_("主动公开政府信息情况"), blocks=blocks
    )


# Rows both formats share.
_REGULATIONS = Row("regulations", "", _("规章"))
_LICENSING = Row("licensing", "", _("行政许可"))
_PENALTY_AND_ENFORCEMENT = (
    Row("penalty", "", _("行政处罚")),
    Row("enforcement", "", _("行政强制")),
)
_FEES = Row("fees", "", _("行政事业性收费"))

_DECISIONS = (Column("decisions", _("本年处理决定数量")),)
_PROJECT_COLUMNS_2019 = (
    Column("previous", _("上一年项目数量")),
    Column("change", _("本年增/减"), kind=CHANGE),
)
_PROJECTS_AND_DECISIONS_2019 = (*_PROJECT_COLUMNS_2019, Column("decisions", _("处理决定数量")))

TABLE_A_2021 = _table_a(
    _article_20(
        1,
        (
            Column("issued", _("本年制发件数")),
            Column("abolished", _("本年废止件数")),
            Column("in_force", _("现行有效件数")),
        ),
        (_REGULATIONS, Row("normative", "", _("行政规范性文件"))),
    ),
    _article_20(5, _DECISIONS, (_LICENSING,)),
    _article_20(6, _DECISIONS, _PENALTY_AND_ENFORCEMENT),
    _article_20(8, (Column("amount", _("本年收费金额（单位：万元）"), kind=AMOUNT),), (_FEES,)),
)

TABLE_A_2019 = _table_a(
    _article_20(
        1,
        (
            Column("made", _("本年新制作数量")),
            Column("published", _("本年新公开数量")),
            Column("total_public", _("对外公开总数量")),
        ),
        (_REGULATIONS, Row("normative", "", _("规范性文件"))),
    ),
    _article_20(
        5,
        _PROJECTS_AND_DECISIONS_2019,
        (_LICENSING, Row("other_services", "", _("其他对外管理服务事项"))),
    ),
    _article_20(6, _PROJECTS_AND_DECISIONS_2019, _PENALTY_AND_ENFORCEMENT),
    _article_20(8, _PROJECT_COLUMNS_2019, (_FEES,)),
    _article_20(
        9,
        (Column("projects", _("采购项目数量")), Column("amount", _("采购总金额"), kind=AMOUNT)),
        (Row("procurement", "", _("政府集中采购")),),
    ),
)

# ---------------------------------------------------------------- Table B 依申请
APPLICANT_GROUP = _("法人或其他组织")
APPLICANT_COLUMNS = (
    Column("natural", _("自然人")),
    Column("commercial", _("商业企业"), group=APPLICANT_GROUP),
    Column("research", _("科研机构"), group=APPLICANT_GROUP),
    Column("social", _("社会公益组织"), group=APPLICANT_GROUP),
    Column("legal", _("法律服务机构"), group=APPLICANT_GROUP),
    Column("other", _("其他"), group=APPLICANT_GROUP),
)
TABLE_B_COLUMNS = (*APPLICANT_COLUMNS, Column("total", _("总计")))

RESULTS = "results"  # 三、本年度办理结果 (a heading row with no numbers of its own)
REFUSED = "refused"  # （三）不予公开
UNABLE = "unable"  # （四）无法提供
UNPROCESSED = "unprocessed"  # （五）不予处理
OTHER = "other_processing"  # （六）其他处理

_ROWS_B_HEAD = (
    Row("new", _("一、"), _("本年新收政府信息公开申请数量")),
    Row("carried_in", _("二、"), _("上年结转政府信息公开申请数量")),
    Row("granted", _("（一）"), _("予以公开"), parent=RESULTS),
    Row(
        "partial",
        _("（二）"),
        _("部分公开（区分处理的，只计这一情形，不计其他情形）"),
        parent=RESULTS,
    ),
    Row("refused_secret", _("1."), _("属于国家秘密"), parent=REFUSED),
    Row("refused_law", _("2."), _("其他法律行政法规禁止公开"), parent=REFUSED),
    Row("refused_safety", _("3."), _("危及“三安全一稳定”"), parent=REFUSED),
    Row("refused_third_party", _("4."), _("保护第三方合法权益"), parent=REFUSED),
    Row("refused_internal", _("5."), _("属于三类内部事务信息"), parent=REFUSED),
    Row("refused_process", _("6."), _("属于四类过程性信息"), parent=REFUSED),
    Row("refused_enforcement", _("7."), _("属于行政执法案卷"), parent=REFUSED),
    Row("refused_query", _("8."), _("属于行政查询事项"), parent=REFUSED),
    Row("unable_no_info", _("1."), _("本机关不掌握相关政府信息"), parent=UNABLE),
    Row("unable_create", _("2."), _("没有现成信息需要另行制作"), parent=UNABLE),
    Row("unable_unclear", _("3."), _("补正后申请内容仍不明确"), parent=UNABLE),
    Row("unprocessed_petition", _("1."), _("信访举报投诉类申请"), parent=UNPROCESSED),
    Row("unprocessed_repeat", _("2."), _("重复申请"), parent=UNPROCESSED),
    Row("unprocessed_publication", _("3."), _("要求提供公开出版物"), parent=UNPROCESSED),
    Row("unprocessed_excessive", _("4."), _("无正当理由大量反复申请"), parent=UNPROCESSED),
    Row(
        "unprocessed_confirm",
        _("5."),
        _("要求行政机关确认或重新出具已获取信息"),
        parent=UNPROCESSED,
    ),
)
_ROWS_B_OTHER_2021 = (
    Row(
        "other_overdue_correction",
        "1.",
        _("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        parent=OTHER,
    ),
    Row(
        "other_overdue_fee",
        "2.",
        _("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        parent=OTHER,
    ),
    Row("other_other", _("3."), _("其他"), parent=OTHER),
)
_ROWS_B_OTHER_2019 = (Row("other_processing", _("（六）"), _("其他处理"), parent=RESULTS),)
_ROWS_B_TAIL = (
    Row("result_total", _("（七）"), _("总计"), parent=RESULTS, total=True),
    Row("carried_out", _("四、"), _("结转下年度继续办理")),
)

# Headings of the grouped rows, printed as merged cells to the left of their members.
ROW_GROUPS = {
    RESULTS: (_("三、"), _("本年度办理结果")),
    REFUSED: (_("（三）"), _("不予公开")),
    UNABLE: (_("（四）"), _("无法提供")),
    UNPROCESSED: (_("（五）"), _("不予处理")),
    OTHER: (_("（六）"), _("其他处理")),
}
TABLE_B_NOTE = _("本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和")


def _table_b(other_processing_rows):
    """Table B of a format: the formats differ only in the rows of （六）其他处理."""
    return Table(
        key="table_b",
        number=gettext_noop("表二"),
        caption=_("收到和处理政府信息公开申请情况"),
        blocks=(
            Block(
                "applications",
                _("申请人情况"),
                TABLE_B_COLUMNS,
                _ROWS_B_HEAD + other_processing_rows + _ROWS_B_TAIL,
            ),
        ),
    )


TABLE_B_2021 = _table_b(_ROWS_B_OTHER_2021)
TABLE_B_2019 = _table_b(_ROWS_B_OTHER_2019)


# The rows whose sum is （七）总计 (rule R2), for each format.
def _outcome_rows(table, groups):
    return tuple(row.key for row in table.rows if row.parent in groups and not row.total)


OUTCOME_ROWS_2021 = _outcome_rows(TABLE_B_2021, {RESULTS, REFUSED, UNABLE, UNPROCESSED, OTHER})
# 2019: （六）其他处理 is a row of its own under 三, not a group.
OUTCOME_ROWS_2019 = _outcome_rows(TABLE_B_2019, {RESULTS, REFUSED, UNABLE, UNPROCESSED})

# ---------------------------------------------------------------- Table C 复议、诉讼
RESULT_COLUMNS = (
    ("upheld", _("结果维持")),
    ("corrected", _("结果纠正")),
    ("other", _("其他结果")),
    ("pending", _("尚未审结")),
    ("total", _("总计")),
)
CASE_GROUPS = (
    ("review", _("行政复议")),
    ("litigation_direct", _("行政诉讼 · 未经复议直接起诉")),
    ("litigation_after_review", _("行政诉讼 · 复议后起诉")),
)
TABLE_C = Table(
    key="table_c",
    number=gettext_noop("表三"),
    caption=_("政府信息公开行政复议、行政诉讼情况"),
    blocks=(
        Block(
            "cases",
            "",
            tuple(
                Column(f"{group}_{result}", label, group=group_label)
                for group, group_label in CASE_GROUPS
                for result, label in RESULT_COLUMNS
            ),
            (Row("cases", "", _("案件数量")),),
        ),
    ),
)

TABLES = {
    FORMAT_2021: {"table_a": TABLE_A_2021, "table_b": TABLE_B_2021, "table_c": TABLE_C},
    FORMAT_2019: {"table_a": TABLE_A_2019, "table_b": TABLE_B_2019, "table_c": TABLE_C},
}


def table(format_key, table_key):
    return TABLES[format_key][table_key]


# The three tables by key, in their statutory order (a table's number and caption are the same
# in both formats; its rows differ).
TABLE_KEYS = tuple(TABLES[FORMAT_2021])


def number_of(table_key):
    """表一, 表二 or 表三, in Chinese (``gettext`` it for a page)."""
    return TABLES[FORMAT_2021][table_key].number
