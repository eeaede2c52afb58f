"""Report pages: placement, organisation, unique year, findings, public rendering, chart."""

import re

import pytest
from django.core.exceptions import ValidationError

from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from disclosure.reports.tests.factories import consistent_b, make_index, make_report

pytestmark = pytest.mark.django_db


def test_index_is_allowed_under_a_disclosure_root_only():
    from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage

    assert AnnualReportIndexPage in DisclosureIndexPage.allowed_subpage_models()
    assert AnnualReportIndexPage not in CategoryPage.allowed_subpage_models()
    assert AnnualReportPage.allowed_parent_page_models() == [AnnualReportIndexPage]


def test_report_belongs_to_the_roots_organisation():
    report = make_report(make_index(), 2023)
    assert report.organisation.name == "测试县测试镇人民政府"


def test_year_is_unique_per_organisation():
    index = make_index()
    make_report(index, 2023)
    second = make_report(index, 2022)
    second.year = 2023
    with pytest.raises(ValidationError) as raised:
        second.full_clean()
    assert "year" in raised.value.message_dict


def test_findings_include_r5_against_last_year_and_r9_for_townships():
    index = make_index()
    previous = make_report(index, 2022)
    report = make_report(index, 2023)
    assert report.previous_report().pk == previous.pk
    # the same Table A twice: 现行有效 should have grown by 制发 − 废止 (R8, a warning)
    assert [(f.rule, f.severity) for f in report.findings()] == [("R8", "warning")]
    values = consistent_b()
    values["carried_in"].update(natural=2, total=2)
    values["new"].update(natural=2, total=2)
    tables = {k: ("2021", v) for k, v in previous.table_values().items()}
    tables["table_b"] = ("2021", values)
    later = make_report(index, 2024, tables=tables)
    assert {f.rule for f in later.findings()} == {"R5", "R6", "R8"}


def test_public_page_renders_sections_and_tables(client):
    report = make_report(make_index(), 2023)
    html = client.get(report.url).content.decode()
    assert html.count("<h1>") == 1
    for heading in (
        "一、总体情况",
        "六、其他需要报告的事项",
        "表二 收到和处理政府信息公开申请情况",
    ):
        assert heading in html
    assert "（四）无法提供" in html and "3.补正后申请内容仍不明确" in html
    assert "填报检查" not in html  # warnings are for editors only


def test_index_lists_reports_with_a_chart(client):
    index = make_index()
    make_report(index, 2022)
    make_report(index, 2023)
    html = client.get(index.url).content.decode()
    assert html.index("2023 年政府信息公开工作年度报告") < html.index(
        "2022 年政府信息公开工作年度报告"
    )
    assert "<svg" in html and html.count("<rect") == 6
    assert "<title>2023 收到申请：3</title>" in html


def test_the_index_list_names_the_year_once_and_sets_the_date_apart(client):
    from disclosure.reports.tests.factories import AnnualReportPageFactory

    index = make_index()
    make_report(index, 2023)
    AnnualReportPageFactory(parent=index, year=2022, title="友谊镇政府信息公开工作年度报告")
    html = client.get(index.url).content.decode()
    listing = html[html.index('<ul class="report-list">') :].split("</ul>", 1)[0]
    items = re.findall(r"<li>.*?</li>", listing)
    assert len(items) == 2
    # A title with its year: no second "2023 年度"; one without: the year is said.
    assert "年度</span>" not in items[0] and "2022 年度</span>" in items[1]
    for item in items:
        assert '<span class="report-list__date">发布日期 <time' in item


def test_xlsx_download_reads_back(client, tmp_path):
    from disclosure.reports.workbook import xlsx

    report = make_report(make_index(), 2023)
    response = client.get(report.url + "xlsx/")
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    path = tmp_path / "download.xlsx"
    path.write_bytes(response.content)
    found = xlsx.read_workbook(path)
    assert {k: v for k, (_t, v) in found.items()} == report.table_values()


def test_demo_reports(demo, client):
    from wagtail.models import Comment

    from disclosure.catalogue.models import CategoryPage

    assert not CategoryPage.objects.filter(slug="annual-reports").exists()
    index = AnnualReportIndexPage.objects.get(slug="annual-reports")
    reports = {r.year: r for r in AnnualReportPage.objects.child_of(index).live()}
    assert sorted(reports) == [2022, 2023]
    seed = reports[2022]
    assert [c.block_type for c in seed.body][4] == "table_b_2019"
    assert seed.findings() == []
    assert reports[2023].previous_report().pk == seed.pk
    assert seed.organisation.level == "township"  # R9 runs on the recorded level
    assert reports[2023].findings() == []  # R5, R6 (its text), R8 and R9 ran and hold
    note = Comment.objects.get(page=seed)
    assert "按勾稽关系填 0" in note.text
    html = client.get(index.url).content.decode()
    received = reports[2023].table_values()["table_b"]["new"]["total"]
    assert received > 5  # the register's count, not a number typed into the report
    assert f"<title>2023 收到申请：{received}</title>" in html


def test_docx_download_reads_back(client):
    from io import BytesIO

    from docx import Document

    report = make_report(make_index(), 2023)
    response = client.get(report.url + "docx/")
    assert response.status_code == 200
    document = Document(BytesIO(response.content))
    paragraphs = [p.text for p in document.paragraphs]
    assert paragraphs[0] == report.title
    assert "一、总体情况" in paragraphs and "本年新收政府信息公开申请 3 件。" in paragraphs
    assert "表二 收到和处理政府信息公开申请情况" in paragraphs
    table_b = document.tables[1]
    texts = {cell.text for row in table_b.rows for cell in row.cells}
    assert {"三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "申请人情况"} <= texts
    assert table_b.cell(3, 3).text == "3"  # 一、本年新收, 自然人
    assert table_b.cell(4, 3).text == "1"  # 二、上年结转, 自然人


def test_the_downloaded_report_says_when_it_was_published(client):
    import datetime
    from io import BytesIO

    from docx import Document
    from pypdf import PdfReader

    from disclosure.reports.downloads.docx_export import report_docx_bytes
    from disclosure.reports.downloads.pdf_export import report_pdf_bytes

    report = make_report(make_index(), 2023)
    published = datetime.datetime(
        2024, 1, 23, 9, tzinfo=datetime.timezone(datetime.timedelta(hours=8))
    )
    AnnualReportPage.objects.filter(pk=report.pk).update(first_published_at=published)
    report.refresh_from_db()
    paragraphs = [p.text for p in Document(BytesIO(report_docx_bytes(report))).paragraphs]
    assert paragraphs[1] == "发布日期 2024-01-23"
    first_page = PdfReader(BytesIO(report_pdf_bytes(report))).pages[0].extract_text()
    assert "发布日期 2024-01-23" in first_page


def test_the_reports_prose_is_found_by_search(client):
    report = make_report(make_index(), 2023)
    response = client.get("/search/", {"q": "无其他需要报告"})  # a phrase of section 6
    assert response.status_code == 200
    assert report.pk in [row["page"].pk for row in response.context["rows"]]
