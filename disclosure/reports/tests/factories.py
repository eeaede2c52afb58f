"""A disclosure root with a report index, for the page tests."""

from wagtail.models import Site

from disclosure.catalogue.models import DisclosureIndexPage, Organisation
from disclosure.reports.build import report_body
from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from disclosure.reports.tests.test_rules import consistent_report
from disclosure.statutory.tables import FORMAT_2021

SECTION_TEXT = {
    "1": "<p>总体情况。</p>",
    "2": "<p>主动公开情况。</p>",
    "3": "<p>本年新收政府信息公开申请 3 件。</p>",
    "4": "<p>收到行政复议 1 件。</p>",
    "5": "<p>存在的问题。</p>",
    "6": "<p>无其他需要报告的事项。</p>",
}


def make_index(name="测试县测试镇人民政府"):
    organisation = Organisation.objects.create(name=name)
    home = Site.objects.get(is_default_site=True).root_page
    root = home.add_child(
        instance=DisclosureIndexPage(
            title=f"{name}信息公开", slug="xxgk-test", organisation=organisation
        )
    )
    return root.add_child(instance=AnnualReportIndexPage(title="年度报告", slug="reports"))


def make_report(index, year, tables=None, publish=True):
    tables = tables or {key: (FORMAT_2021, v) for key, v in consistent_report().items()}
    page = AnnualReportPage(
        title=f"{year} 年政府信息公开工作年度报告",
        slug=f"report-{year}",
        year=year,
        body=report_body(SECTION_TEXT, tables),
    )
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page
