"""Factories for the report pages, and the table values report tests start from."""

from decimal import Decimal
from io import BytesIO

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosure.catalogue.tests.factories import DisclosureIndexPageFactory
from disclosure.reports.blocks import Section, cell_name
from disclosure.reports.filling.page_body import report_body
from disclosure.reports.models import AnnualReportIndexPage, AnnualReportPage
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t
from disclosure.statutory.tables import FORMAT_2021
from tests.factories import PageFactory

SECTION_TEXT = {
    "1": "<p>总体情况。</p>",
    "2": "<p>主动公开情况。</p>",
    "3": "<p>本年新收政府信息公开申请 3 件。</p>",
    "4": "<p>收到行政复议 1 件。</p>",
    "5": "<p>存在的问题。</p>",
    "6": "<p>无其他需要报告的事项。</p>",
}


def zeros(table):
    return {row: {col: 0 for col in cols} for row, cols in table.empty_values().items()}


def consistent_b(table=t.TABLE_B_2021):
    """Table B with 3 new + 1 carried-in applications: 2 granted, 1 refused, 1 carried out."""
    values = zeros(table)
    for row, natural in (
        ("new", 3),
        ("carried_in", 1),
        ("granted", 2),
        ("refused_secret", 1),
        ("result_total", 3),
        ("carried_out", 1),
    ):
        values[row]["natural"] = natural
        values[row]["total"] = natural
    return values


def consistent_report():
    """Tables A, B and C of a township's report that passes every rule (R1–R9)."""
    table_c = zeros(t.TABLE_C)
    table_c["cases"].update(review_upheld=1, review_total=1)
    table_a = zeros(t.TABLE_A_2021)
    table_a["normative"].update(issued=2, abolished=1, in_force=5)
    table_a["fees"]["amount"] = Decimal("0.35")
    return {"table_a": table_a, "table_b": consistent_b(), "table_c": table_c}


def seed_table_b():
    """The seed's Table B: all zeros, a single （六） row, and two blank 自然人 cells."""
    values = zeros(t.TABLE_B_2019)
    values["carried_in"]["natural"] = None
    values["unprocessed_excessive"]["natural"] = None
    return values


class AnnualReportIndexPageFactory(PageFactory):
    """The 年度报告 column; `parent` is an organisation's disclosure root."""

    class Meta:
        model = AnnualReportIndexPage

    title = "年度报告"
    slug = "reports"


class AnnualReportPageFactory(PageFactory):
    """A year's report in the 2021 format; `tables` maps a table key to (format, values)
    (default: `consistent_report()`)."""

    class Meta:
        model = AnnualReportPage

    class Params:
        tables = factory.LazyFunction(
            lambda: {key: (FORMAT_2021, v) for key, v in consistent_report().items()}
        )

    year = 2023
    title = factory.LazyAttribute(lambda page: f"{page.year} 年政府信息公开工作年度报告")
    slug = factory.LazyAttribute(lambda page: f"report-{page.year}")
    body = factory.LazyAttribute(lambda page: report_body(SECTION_TEXT, page.tables))


ORGANISATION = "测试县测试镇人民政府"  # make_index's, named in workbook_upload's 报告信息 B1


def make_index(name=ORGANISATION):
    """An organisation's disclosure root with its 年度报告 column; returns the column."""
    root = DisclosureIndexPageFactory(organisation__name=name, slug="xxgk-test")
    return AnnualReportIndexPageFactory(parent=root)


def make_report(index, year, tables=None, publish=True):
    """A published report of `year` (`publish=False`: a draft) under the 年度报告 column."""
    given = {} if tables is None else {"tables": tables}
    return AnnualReportPageFactory(parent=index, year=year, live=publish, **given)


def write(tmp_path, report=None, b_table=t.TABLE_B_2021):
    report = report or consistent_report()
    book = xlsx.workbook(
        {
            "table_a": (t.TABLE_A_2021, report["table_a"]),
            "table_b": (b_table, report["table_b"]),
            "table_c": (t.TABLE_C, report["table_c"]),
        }
    )
    path = tmp_path / "report.xlsx"
    book.save(path)
    return path


def cells(values):
    return {
        cell_name(row, column): "" if value is None else str(value)
        for row, columns in values.items()
        for column, value in columns.items()
    }


def post_data(table_b, action, table_a=None):
    report = consistent_report()
    if table_a is not None:
        report["table_a"] = table_a
    body = [
        ("section", {"section": key, "body": rich_text(f"<p>{label}</p>")})
        for key, label in Section.choices
    ]
    body.insert(2, ("table_a", cells(report["table_a"])))
    body.insert(4, ("table_b", cells(table_b)))
    body.insert(6, ("table_c", cells(report["table_c"])))
    data = {
        "title": "2024 年报告",
        "slug": "report-2024",
        "year": "2024",
        "report_format": "2021",
        "body": streamfield(body),
        "attachments": streamfield([]),
        "comments": inline_formset([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def workbook_upload(report_values, organisation=ORGANISATION):
    tables = {key: (t.table(t.FORMAT_2021, key), values) for key, values in report_values.items()}
    buffer = BytesIO()
    xlsx.workbook(tables, organisation=organisation).save(buffer)
    return SimpleUploadedFile("统计表.xlsx", buffer.getvalue())
