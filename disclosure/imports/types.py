"""How an imported record becomes each item type (docs/catalogue.md, **Import › Item types**).

An old site's export knows a title, a body and a few metadata; the typed item pages know more
(a budget's year and kind, a guide's 事项名称 and sections, a service list's rows). Each type's
mapping takes the typed fields from optional keys of the record, else derives them from the
title and the body (the layouts old government sites use), and returns what it could not derive
as notes for the editor: a record is never refused for a typed field it lacks.
"""

import datetime
import html
import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.translation import gettext as _
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

from disclosure.catalogue.models import (
    BudgetKind,
    BudgetPage,
    DisclosureDocumentPage,
    OrganisationFunctionPage,
    PolicyDocumentPage,
    PolicyKind,
    ServiceGuidePage,
    ServiceItemListPage,
)
from disclosure.catalogue.models.guide_elements import GUIDE_ELEMENTS

NON_CONTENT_TAGS = ["script", "style", "noscript", "template", "iframe", "object", "head"]
HTML_TAG = re.compile(r"<[a-zA-Z/][^>]*>")
LIST_NUMBERING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．:：)）]|[•·●▪-])\s*"
)


class RecordError(Exception):
    """A value the record gives that is wrong (not merely absent): the line is refused."""


@dataclass
class Mapped:
    values: dict
    notes: list = field(default_factory=list)


# ---------------------------------------------------------------------------------------------
# Body HTML


def clean_rich_text(body):
    """The body reduced to what the editor allows (no scripts, styles or event handlers from
    the old site); plain text keeps its paragraphs and line breaks."""
    if HTML_TAG.search(body):
        soup = without_code(body)
        as_paragraphs(soup)
        return EditorHTMLConverter().to_database_format(str(soup))
    paragraphs = [part.strip() for part in re.split(r"\n\s*\n|\r\n\s*\r\n", body)]
    return "".join(
        "<p>{}</p>".format(html.escape(part).replace("\n", "<br/>")) for part in paragraphs if part
    )


def as_paragraphs(soup):
    """Blocks of old CMS markup the editor's rich text does not keep (<center>, <blockquote>,
    <pre>, <div>, <dd> …) as paragraphs, so that their text does not run into the text around
    them; one holding paragraphs of its own gives those. A <pre>'s lines stay lines."""
    for element in soup.find_all(PARAGRAPH_LIKE):
        if element.find(BLOCK_TAGS) is not None:
            element.unwrap()
            continue
        if element.name == "pre":
            lines = element.get_text().split("\n")
            element.clear()
            for n, line in enumerate(lines):
                if n:
                    element.append(soup.new_tag("br"))
                element.append(line)
        element.name = "p"
        element.attrs = {}


PARAGRAPH_LIKE = [
    "div",
    "center",
    "blockquote",
    "pre",
    "address",
    "section",
    "article",
    "header",
    "footer",
    "figure",
    "figcaption",
    "dl",
    "dt",
    "dd",
]


def image_count(body):
    return len(BeautifulSoup(body, "html.parser").find_all("img")) if "<img" in body.lower() else 0


def without_code(body):
    """The body parsed, its scripts and styles removed whole (the editor's whitelister drops
    unknown tags but keeps their text)."""
    soup = BeautifulSoup(body, "html.parser")
    for element in soup.find_all(NON_CONTENT_TAGS):
        element.decompose()
    return soup


def has_text(body):
    """Whether the body shows any text once code and styles are left out."""
    if not HTML_TAG.search(body):
        return bool(body.strip())
    return bool(without_code(body).get_text().strip())


def body_stream(body):
    """The body as StreamField rows: its text as paragraph blocks, each data table of the old
    page as a table block between them (the editor's rich text has no tables: they would run
    together as one line of text). A table laying out the page (one row or column, or another
    table inside) gives its cells' contents as text."""
    if "<table" not in body.lower():
        return [{"type": "paragraph", "value": clean_rich_text(body)}]
    soup = BeautifulSoup(body, "html.parser")
    tables = []
    for table in soup.find_all("table"):
        if table.find_parent("table") is not None or table.parent is None:
            continue  # inside a table already taken whole, or one unwrapped below
        rows = table_rows(table)
        if table.find("table") is not None or len(rows) < 2 or max(map(len, rows)) < 2:
            unwrap_layout_table(table)
            continue
        table.replace_with(TABLE_MARK.format(len(tables)))
        tables.append(rows)
    stream = []
    for n, chunk in enumerate(TABLE_MARK_SPLIT.split(str(soup))):
        if n % 2:
            stream.append({"type": "table", "value": table_value(tables[int(chunk)])})
        elif has_text(chunk):
            stream.append({"type": "paragraph", "value": clean_rich_text(chunk)})
    return stream


TABLE_MARK = "\x00table {}\x00"
TABLE_MARK_SPLIT = re.compile("\x00table (\\d+)\x00")


def table_rows(table):
    """The table's cells as text, row by row; a cell spanning rows or columns fills the first
    place it covers and leaves the others empty."""
    rows, spanned = [], {}  # (row, column) covered by a cell above
    for r, tr in enumerate(tr for tr in table.find_all("tr") if tr.find_parent("table") is table):
        row, c = [], 0
        for cell in tr.find_all(["td", "th"], recursive=False):
            while (r, c) in spanned:
                row.append(spanned.pop((r, c)))
                c += 1
            across, down = span(cell, "colspan"), span(cell, "rowspan")
            row.append(cell_text(cell))
            row.extend([""] * (across - 1))
            for below in range(1, down):
                for column in range(c, c + across):
                    spanned[(r + below, column)] = ""
            c += across
        while (r, c) in spanned:
            row.append(spanned.pop((r, c)))
            c += 1
        if any(row):
            rows.append(row)
    return rows


def span(cell, attribute):
    try:
        return max(1, min(int(cell.get(attribute, 1)), 50))
    except (TypeError, ValueError):
        return 1


def table_value(rows):
    width = max(map(len, rows))
    return {
        "data": [row + [""] * (width - len(row)) for row in rows],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "",
    }


def unwrap_layout_table(table):
    """A layout table's own cells become blocks (paragraphs, or the blocks they hold: as
    `as_paragraphs` makes of a <div>), its rows and sections are unwrapped; a table inside
    keeps its structure."""
    own = [tag for tag in table.find_all(True) if tag.find_parent("table") is table]
    for tag in own:
        if tag.name in ("td", "th"):
            tag.name = "div"
        elif tag.name in ("tbody", "thead", "tfoot", "tr", "caption"):
            tag.unwrap()
    table.unwrap()


BLOCK_TAGS = [
    "p",
    "div",
    "table",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    *PARAGRAPH_LIKE,
]


def cell_text(cell):
    """The cell's text, one line per line break or paragraph of the cell."""
    lines = (re.sub(r"\s+", " ", line).strip() for line in cell.get_text("\n").split("\n"))
    return "\n".join(line for line in lines if line)


def text_lines(text):
    return [line.strip() for line in re.split(r"[\r\n]+", text) if line.strip()]


def without_numbering(line):
    return LIST_NUMBERING.sub("", line, count=1).strip()


# ---------------------------------------------------------------------------------------------
# Record keys


def optional_text(record, key):
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int)):
        raise RecordError(_("字段 %(key)s 必须是文本。") % {"key": key})
    return str(value).strip()


def optional_list(record, key):
    value = record.get(key)
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise RecordError(_("字段 %(key)s 必须是列表。") % {"key": key})
    return value


def struct_rows(record, key, first, names, block):
    """A list key of text items or objects, as raw StreamField rows of `block`."""
    rows = []
    for item in optional_list(record, key):
        if isinstance(item, str):
            item = {first: item}
        if not isinstance(item, dict) or not str(item.get(first) or "").strip():
            raise RecordError(
                _("字段 %(key)s 的每一项必须是文本或含 %(first)s 的对象。")
                % {"key": key, "first": first}
            )
        rows.append({"type": block, "value": {name: item.get(name, "") for name in names}})
    return rows


def bounded(values, notes, model, labels):
    """Cut text longer than its field allows, saying so (an old site has no such limit)."""
    for name, value in list(values.items()):
        if not isinstance(value, str):
            continue
        limit = model._meta.get_field(name).max_length
        if limit and len(value) > limit:
            values[name] = value[: limit - 1] + "…"
            notes.append(
                _("“%(label)s”超过 %(limit)d 字，已截断，请核对。")
                % {"label": labels.get(name, name), "limit": limit}
            )
    return values


def field_labels(model):
    return {f.name: str(f.verbose_name) for f in model._meta.concrete_fields}


def missing_note(labels):
    return _("待编辑补充：%(fields)s。") % {"fields": "、".join(labels)}


# ---------------------------------------------------------------------------------------------
# 公开信息 and 政策文件: the body as is

POLICY_KINDS = {
    "规范性文件": PolicyKind.NORMATIVE,
    "其他文件": PolicyKind.DOCUMENT,
    PolicyKind.NORMATIVE.value: PolicyKind.NORMATIVE,
    PolicyKind.DOCUMENT.value: PolicyKind.DOCUMENT,
}


def document_values(record, body, context):
    return Mapped({"body": body_stream(body)})


def policy_values(record, body, context):
    value = optional_text(record, "kind")
    if value and value not in POLICY_KINDS:
        raise RecordError(
            _("字段 kind（文件类别）只能是“规范性文件”或“其他文件”，而不是“%(value)s”。")
            % {"value": value}
        )
    # An import does not know a document is normative unless told.
    kind = POLICY_KINDS.get(value, PolicyKind.DOCUMENT)
    return Mapped({"body": body_stream(body), "kind": kind})


# ---------------------------------------------------------------------------------------------
# 预算决算: year and kind from keys or the title

BUDGET_KINDS = {
    "预算": BudgetKind.BUDGET,
    "决算": BudgetKind.FINAL_ACCOUNTS,
    "三公经费": BudgetKind.THREE_PUBLIC,
    "三公": BudgetKind.THREE_PUBLIC,
    **{choice.value: choice for choice in BudgetKind},
}
TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def budget_kind_in(title):
    # “三公”经费 is reported with a budget or final accounts: it names the item when present.
    if "三公" in title:
        return BudgetKind.THREE_PUBLIC
    if "决算" in title:
        return BudgetKind.FINAL_ACCOUNTS
    if "预算" in title:
        return BudgetKind.BUDGET
    return None


def budget_values(record, body, context):
    title = context["title"]
    notes = []
    kind_text = optional_text(record, "kind") or optional_text(record, "budget_kind")
    if kind_text and kind_text not in BUDGET_KINDS:
        raise RecordError(
            _("字段 kind（预算决算类别）只能是“预算”“决算”或“三公经费”，而不是“%(value)s”。")
            % {"value": kind_text}
        )
    kind = BUDGET_KINDS.get(kind_text) or budget_kind_in(title)
    if kind is None:
        kind = BudgetKind.BUDGET
        notes.append(_("标题中未识别出预算、决算或三公经费，暂定为“预算”，请核对类别。"))

    year_text = optional_text(record, "year")
    if year_text and not re.fullmatch(r"\d{4}", year_text):
        raise RecordError(
            _("字段 year（年度）必须是四位数的年份，而不是“%(value)s”。") % {"value": year_text}
        )
    found = TITLE_YEAR.search(title)
    if year_text:
        year = int(year_text)
    elif found:
        year = int(found.group(1))
    else:
        published = context.get("published_on") or datetime.date.today()
        # Final accounts are published the year after the year they account for.
        year = published.year - 1 if kind == BudgetKind.FINAL_ACCOUNTS else published.year
        notes.append(
            _("标题中未识别出年度，按发布日期暂定为 %(year)d 年，请核对。") % {"year": year}
        )
    return Mapped({"body": body_stream(body), "year": year, "kind": kind}, notes)


# ---------------------------------------------------------------------------------------------
# 办事指南: sections recognised by their labels, in a table or in headed paragraphs

# (field, label words an old site uses for it), most specific first: the first word found in
# a label decides.
GUIDE_LABELS = [
    ("item_name", ("事项名称", "服务名称")),
    ("item_type", ("事项类型", "事项类别")),
    ("legal_basis", ("设定依据", "实施依据", "法律依据", "法定依据", "办理依据", "政策依据")),
    ("conditions", ("受理条件", "申请条件", "办理条件", "申请主体", "服务对象")),
    ("materials", ("申请材料", "申报材料", "办理材料", "所需材料", "提交材料")),
    ("steps", ("办理流程", "办理程序", "办事流程", "办理环节")),
    ("statutory_time_limit", ("法定办结时限", "法定时限", "法定期限")),
    ("promised_time_limit", ("承诺办结时限", "承诺时限", "办结时限", "办理时限", "承诺期限")),
    ("fees", ("收费标准", "收费依据", "是否收费", "收费情况")),
    ("location", ("办理地点", "受理地点", "办公地点", "办理窗口")),
    ("service_hours", ("办理时间", "受理时间", "工作时间")),
    ("consultation_phone", ("咨询电话", "咨询方式")),
    ("supervision_phone", ("监督电话", "投诉电话", "监督投诉", "投诉方式", "监督方式")),
    ("online_url", ("网上办理", "在线办理", "网办地址")),
]
GUIDE_TEXT_KEYS = [name for name, _words in GUIDE_LABELS if name not in ("materials", "steps")]
GUIDE_ITEM_TYPES = ("行政许可", "行政确认", "行政给付", "公共服务", "其他")
LABEL_LINE = re.compile(
    r"^\s*(?:[（(]?[一二三四五六七八九十\d]+[）)]?[、.．]?\s*)?([^：:]{2,12})[：:]\s*(.*)$", re.S
)


# Labels that close the section before them without a field of their own: their text is left
# for the editor (with a note), never appended to the field above.
CLOSING_LABELS = {
    "备注",
    "说明",
    "其他",
    "其他说明",
    "注意事项",
    "温馨提示",
    "特别提示",
    "特别说明",
}


def guide_field_of(label):
    label = label.strip()
    for name, words in GUIDE_LABELS:
        if any(word in label for word in words):
            return name
    return None


def guide_sections(body):
    """{field: text} from the body: rows of a two- or four-cell label table, and paragraphs
    that open with a label (``一、受理条件：…`` or a heading ``办理流程`` followed by its
    paragraphs); plus the text no label claimed."""
    sections, leftover = {}, []
    soup = BeautifulSoup(body if HTML_TAG.search(body) else "", "html.parser")
    for table in soup.find_all("table"):
        for row in table.find_all("tr"):
            cells = [cell_text(cell) for cell in row.find_all(["th", "td"])]
            for start in range(0, len(cells) - 1, 2):
                name = guide_field_of(cells[start])
                if name and cells[start + 1]:
                    sections.setdefault(name, cells[start + 1])
        table.decompose()
    if HTML_TAG.search(body):
        blocks = [
            cell_text(element)
            for element in soup.find_all(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "div"])
            if not element.find(["p", "li", "div", "table"])
        ]
    else:
        blocks = text_lines(body)
    current = None
    for block in blocks:
        if not block:
            continue
        match = LABEL_LINE.match(block)
        name = guide_field_of(match.group(1)) if match else None
        if name is None and len(block) <= 12:  # a heading without a colon
            name = guide_field_of(without_numbering(block))
            rest = ""
        else:
            rest = match.group(2) if name else ""
        if name is None and match and match.group(1).strip() in CLOSING_LABELS:
            current = None  # 备注：… after 咨询电话 is no part of the telephone number
            leftover.append(block)
        elif name:
            current = name
            sections.setdefault(name, "")
            if rest:
                sections[name] = "\n".join(filter(None, [sections[name], rest]))
        elif current:
            sections[current] = "\n".join(filter(None, [sections[current], block]))
        else:
            leftover.append(block)
    return sections, leftover


def guide_values(record, body, context):
    labels = field_labels(ServiceGuidePage)
    sections, leftover = guide_sections(body)
    notes = []
    values = {"item_name": context["title"]}
    values.update({name: sections[name] for name in GUIDE_TEXT_KEYS if sections.get(name)})
    values.update(
        {name: optional_text(record, name) for name in GUIDE_TEXT_KEYS if record.get(name)}
    )

    item_type = values.get("item_type", "")
    if item_type and item_type not in GUIDE_ITEM_TYPES:
        if record.get("item_type"):
            raise RecordError(
                _("字段 item_type（事项类型）只能是 %(names)s，而不是“%(value)s”。")
                % {"names": "、".join(GUIDE_ITEM_TYPES), "value": item_type}
            )
        notes.append(
            _("事项类型“%(value)s”不在可选范围内，已按“公共服务”导入。") % {"value": item_type}
        )
        del values["item_type"]
    url = values.get("online_url", "")
    if url:
        try:
            URLValidator()(url)
        except ValidationError:
            notes.append(_("网上办理地址“%(value)s”不是网址，未导入。") % {"value": url[:80]})
            del values["online_url"]

    materials = struct_rows(
        record, "materials", "name", ("name", "copies", "form", "notes"), "material"
    )
    if not materials and sections.get("materials"):
        materials = [
            {
                "type": "material",
                "value": {
                    "name": without_numbering(line)[:200],
                    "copies": 1,
                    "form": "原件",
                    "notes": "",
                },
            }
            for line in text_lines(sections["materials"])
        ]
    for row in materials:
        row["value"]["copies"] = row["value"]["copies"] or 1
        row["value"]["form"] = row["value"]["form"] or "原件"
    steps = struct_rows(record, "steps", "title", ("title", "description"), "step")
    if not steps and sections.get("steps"):
        steps = [
            {"type": "step", "value": {"title": without_numbering(line)[:200], "description": ""}}
            for line in text_lines(sections["steps"])
        ]
    values.update(materials=materials, steps=steps)

    if leftover:
        # Text no label claimed is kept where an editor sees it, never dropped.
        values["conditions"] = "\n".join(filter(None, [values.get("conditions", ""), *leftover]))
        notes.append(_("正文中未能归入栏目的文字已放入“受理条件”，请编辑核对。"))
    # The elements a guide must show (an inspection vetoes a guide without one) and its 承诺时限.
    wanted = [name for name, _label, _keys in GUIDE_ELEMENTS if name != "item_name"]
    missing = [labels[name] for name in [*wanted, "promised_time_limit"] if not values.get(name)]
    if missing:
        notes.append(missing_note(missing))
    return Mapped(bounded(values, notes, ServiceGuidePage, labels), notes)


# ---------------------------------------------------------------------------------------------
# 便民服务事项清单: the body's table becomes the rows

# (block field, header words), first word found in a header cell decides.
SERVICE_COLUMNS = [
    ("name", ("事项名称", "服务事项", "项目名称", "名称")),
    ("department", ("办理部门", "办理单位", "办理主体", "实施主体", "责任单位", "承办", "部门")),
    ("basis", ("依据",)),
    ("time_limit", ("时限", "期限")),
    ("charged", ("收费",)),
    ("location", ("地点", "窗口")),
]
SERVICE_FIELDS = [name for name, _words in SERVICE_COLUMNS]


def service_column_of(header):
    for name, words in SERVICE_COLUMNS:
        if any(word in header for word in words):
            return name
    return None


def is_charged(text):
    text = text.strip()
    return bool(text) and not any(word in text for word in ("不", "否", "免", "无"))


def service_table_rows(table):
    """Rows of the first row of the table that names a 事项名称 column; None without one."""
    rows = [
        [cell_text(cell) for cell in row.find_all(["th", "td"])] for row in table.find_all("tr")
    ]
    for position, header in enumerate(rows):
        columns = {}
        for index, cell in enumerate(header):
            name = service_column_of(cell)
            if name and name not in columns.values():
                columns[index] = name
        if "name" in columns.values():
            return [
                {name: row[index] for index, name in columns.items() if index < len(row)}
                for row in rows[position + 1 :]
                if any(row)
            ]
    return None


def service_list_values(record, body, context):
    notes = []
    items = struct_rows(record, "items", "name", SERVICE_FIELDS, "item")
    soup = BeautifulSoup(body if HTML_TAG.search(body) else "", "html.parser")
    for table in soup.find_all("table"):
        rows = service_table_rows(table)
        if rows is None:
            continue
        table.decompose()
        if not items:
            items = [{"type": "item", "value": row} for row in rows if row.get("name")]
    department = context["organisation"].name
    defaulted = 0
    for row in items:
        value = row["value"]
        value["charged"] = (
            value.get("charged")
            if isinstance(value.get("charged"), bool)
            else is_charged(str(value.get("charged") or ""))
        )
        for name in ("department", "basis", "time_limit", "location"):
            value[name] = str(value.get(name) or "")
        if not value["department"]:
            value["department"] = department
            defaulted += 1
        value["guide"] = None
    if defaulted:
        notes.append(
            _("%(count)d 个服务事项没有办理部门，已填为“%(name)s”，请核对。")
            % {"count": defaulted, "name": department}
        )
    if not items:
        notes.append(_("正文中没有可识别的事项表格（需含“事项名称”列），服务事项待编辑补充。"))
    intro = clean_rich_text(str(soup)) if HTML_TAG.search(body) else clean_rich_text(body)
    return Mapped({"intro": intro, "items": items}, notes)


# ---------------------------------------------------------------------------------------------
# 机构职能: the body is the functions; contacts, leaders and bodies from keys

FUNCTION_TEXT_KEYS = ("address", "office_hours", "phone", "fax", "email")


def function_values(record, body, context):
    labels = field_labels(OrganisationFunctionPage)
    notes = []
    values = {"functions": clean_rich_text(body)}
    values.update(
        {name: optional_text(record, name) for name in FUNCTION_TEXT_KEYS if record.get(name)}
    )
    if values.get("email"):
        try:
            EmailValidator()(values["email"])
        except ValidationError:
            notes.append(
                _("电子邮箱“%(value)s”格式不对，未导入。") % {"value": values["email"][:80]}
            )
            del values["email"]
    values["leaders"] = struct_rows(record, "leaders", "name", ("name", "post", "duties"), "leader")
    values["internal_bodies"] = struct_rows(
        record, "internal_bodies", "name", ("name", "duties", "phone"), "body"
    )
    missing = [labels[name] for name in ("leaders", "internal_bodies") if not values[name]]
    if missing:
        notes.append(missing_note(missing))
    return Mapped(bounded(values, notes, OrganisationFunctionPage, labels), notes)


# ---------------------------------------------------------------------------------------------
# The registry


@dataclass(frozen=True)
class ItemType:
    model: type
    names: tuple  # what a `type` key may say
    column_words: tuple  # words in a column's title that say it holds this type
    build: object


ITEM_TYPES = [
    ItemType(
        OrganisationFunctionPage,
        ("functions", "OrganisationFunctionPage", "机构职能"),
        ("机构职能", "机构设置", "机构概况"),
        function_values,
    ),
    ItemType(
        BudgetPage,
        ("budget", "BudgetPage", "预算决算"),
        ("预算", "决算", "三公经费"),
        budget_values,
    ),
    ItemType(
        ServiceGuidePage, ("guide", "ServiceGuidePage", "办事指南"), ("办事指南",), guide_values
    ),
    ItemType(
        ServiceItemListPage,
        ("service_items", "ServiceItemListPage", "便民服务事项清单"),
        ("便民服务", "事项清单"),
        service_list_values,
    ),
    ItemType(
        PolicyDocumentPage,
        ("policy", "PolicyDocumentPage", "政策文件"),
        ("规范性文件", "政策文件"),
        policy_values,
    ),
    ItemType(
        DisclosureDocumentPage,
        ("document", "DisclosureDocumentPage", "公开信息"),
        (),
        document_values,
    ),
]
BY_MODEL = {item_type.model: item_type for item_type in ITEM_TYPES}
BY_NAME = {name.lower(): item_type.model for item_type in ITEM_TYPES for name in item_type.names}


def type_named(name):
    return BY_NAME.get(name.strip().lower())


def type_for_column_title(title):
    for item_type in ITEM_TYPES:
        if any(word in title for word in item_type.column_words):
            return item_type.model
    return None


def type_values(model, record, body, context):
    """The typed values of `model` for a record; RecordError for a wrong value given."""
    return BY_MODEL[model].build(record, body, context)
