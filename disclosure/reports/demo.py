"""Demo content: 友谊镇's report column with its 2022 report (from the seed) and a 2023 report
that agrees with the demo register and catalogue (its tables are what the fills compute).

The demo's catalogue column ``annual-reports`` (a plain CategoryPage) is replaced by an
AnnualReportIndexPage with the same title, slug and intro, so the address stays the same.
"""

import datetime
from pathlib import Path

from wagtail.models import Comment

from disclosure.catalogue.models import CategoryPage
from disclosure.catalogue.publication_state import published_before_this_site
from disclosure.reports.files.importer import parse_report
from disclosure.reports.filling.page_body import paragraphs_html, report_body
from disclosure.statutory import tables as t

from .models import AnnualReportIndexPage, AnnualReportPage

SEED = Path(__file__).parent / "data" / "youyi-2022.txt"
FILLED_NOTE = (
    "依据原报告（PDF）录入。原表中“二、上年结转政府信息公开申请数量”和"
    "“（五）不予处理 4.无正当理由大量反复申请”两行的“自然人”单元格空白；"
    "同行总计与各列之和均为 0，故按勾稽关系填 0。"
)

# 友谊镇 published each report in the January after its year, before a township's Art. 49
# deadline (31 January, settings.GONGKAI_REPORT_DEADLINES). The demo keeps those dates as its
# 发布日期, as it keeps its items' (catalogue.demo.publish_child), not the day it was loaded.
PUBLISHED_ON = {2022: datetime.date(2023, 1, 18), 2023: datetime.date(2024, 1, 23)}


def backdate_first_publication(page):
    """Give a report that was published before it came to this site its real 发布日期."""
    published_on = PUBLISHED_ON.get(page.year)
    if page.first_published_at is None and published_on:
        page.first_published_at = published_before_this_site(published_on)


def _publish(page, user):
    revision = page.save_revision(user=user, log_action=True)
    revision.publish(user=user)
    return revision


def report_index(root, user):
    """The report column under the disclosure root, replacing the plain category page."""
    old = CategoryPage.objects.child_of(root).filter(slug="annual-reports").first()
    title, intro = "政府信息公开工作年度报告", "<p>友谊镇每年的政府信息公开工作年度报告。</p>"
    if old:
        title, intro = old.title, old.intro
        old.delete()
    index = AnnualReportIndexPage(title=title, slug="annual-reports", intro=intro)
    root.add_child(instance=index)
    _publish(index, user)
    return index


def report_2022(index, user):
    parsed = parse_report(SEED.read_text(encoding="utf-8"))
    tables = {}
    for key, (format_key, values) in parsed.tables.items():
        filled = {
            row: {col: 0 if v is None else v for col, v in cols.items()}
            for row, cols in values.items()
        }
        tables[key] = (format_key, filled)
    page = AnnualReportPage(
        title=parsed.title,
        slug="2022",
        year=2022,
        report_format=parsed.table_format,
        body=report_body({k: paragraphs_html(v) for k, v in parsed.sections.items()}, tables),
    )
    backdate_first_publication(page)
    index.add_child(instance=page)
    revision = _publish(page, user)
    Comment.objects.create(
        page=page, user=user, text=FILLED_NOTE, contentpath="body", revision_created=revision
    )
    return page


def tables_2023(township_root):
    """The 2023 tables. Tables B and C are what the register fill computes (the register,
    ``disclosure.applications.demo``, is loaded first), so the report and the register agree
    and every rule holds after a fill."""
    from disclosure.applications.statistics import table_b, table_c

    table_a = {r: dict.fromkeys(c, 0) for r, c in t.TABLE_A_2021.empty_values().items()}
    table_a["normative"].update(issued=2, abolished=0, in_force=2)
    organisation = township_root.organisation
    return {
        "table_a": (t.FORMAT_2021, table_a),
        "table_b": (t.FORMAT_2021, table_b(organisation, 2023)),
        "table_c": (t.FORMAT_2021, table_c(organisation, 2023)),
    }


def _group_total(table_b, group):
    rows = [row.key for row in t.TABLE_B_2021.rows if row.parent == group]
    return sum(table_b[row]["total"] for row in rows)


def sections_2023(tables):
    """The report's text, quoting its own tables (rule R6)."""
    normative = tables["table_a"][1]["normative"]
    b = tables["table_b"][1]
    total = {row: cells["total"] for row, cells in b.items()}
    cases = tables["table_c"][1]["cases"]
    litigation = cases["litigation_direct_total"] + cases["litigation_after_review_total"]
    return {
        "1": "2023年，友谊镇坚持以公开为常态、不公开为例外，围绕群众关切推进政务公开标准化规范化，"
        "在友谊镇微平台和县政府门户网站持续公开政策文件、办事指南和便民服务事项清单。",
        "2": f"2023年，友谊镇制发行政规范性文件{normative['issued']}件，"
        "均已在县政府门户网站公开；无行政许可、行政处罚、行政强制决定，未收取行政事业性收费。",
        "3": f"2023年，友谊镇新收政府信息公开申请 {total['new']} 件，"
        f"上年结转 {total['carried_in']} 件。"
        f"办理结果：予以公开 {total['granted']} 件，部分公开 {total['partial']} 件，"
        f"不予公开 {_group_total(b, t.REFUSED)} 件，无法提供 {_group_total(b, t.UNABLE)} 件，"
        f"不予处理 {_group_total(b, t.UNPROCESSED)} 件，其他处理 {_group_total(b, t.OTHER)} 件；"
        f"结转下年度继续办理 {total['carried_out']} 件。",
        "4": f"2023年，友谊镇收到政府信息公开行政复议申请 {cases['review_total']} 件，"
        f"结果维持 {cases['review_upheld']} 件、结果纠正 {cases['review_corrected']} 件、"
        f"其他结果 {cases['review_other']} 件、尚未审结 {cases['review_pending']} 件；"
        + (f"行政诉讼 {litigation} 件。" if litigation else "没有行政诉讼。"),
        "5": "部分社区公开内容不够具体。下一步将加强对社区的指导，细化公开内容，提高公开质量。",
        "6": "本年度未收取信息处理费。无其他需要报告的事项。",
    }


def report_2023(index, township_root, user):
    tables = tables_2023(township_root)
    page = AnnualReportPage(
        title="友谊县友谊镇人民政府2023年政府信息公开工作年度报告",
        slug="2023",
        year=2023,
        body=report_body({k: paragraphs_html(v) for k, v in sections_2023(tables).items()}, tables),
    )
    backdate_first_publication(page)
    index.add_child(instance=page)
    _publish(page, user)
    return page


def load_reports_demo(township_root, user):
    """Called once by ``home.demo.load_demo`` with 友谊镇's disclosure root and the admin,
    after the catalogue and the register: the 2023 report is counted from them."""
    index = report_index(township_root, user)
    report_2022(index, user)
    report_2023(index, township_root, user)
    return index
