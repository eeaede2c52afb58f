"""The English page of a report offers the Chinese statutory workbook: the same tables in the
official Chinese layout, which the checker reads (a workbook of translated labels would not be
the statutory form, and the checker could not read it)."""

import re
from io import BytesIO, StringIO

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from disclosure.reports.tests.factories import consistent_report, make_index, make_report
from disclosure.reports.workbook import xlsx
from gongkai.languages.tests.helpers import translate

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_report():
    page = make_report(make_index(name="某县东湖镇人民政府"), 2023)
    english = translate(page, "en")
    assert english.locale.language_code == "en" and english.live
    return english


def test_the_english_page_offers_the_chinese_workbook(client, english_report, tmp_path):
    html = client.get(english_report.url).content.decode()
    link = re.search(rf'<a href="{re.escape(english_report.url)}xlsx/"[^>]*>', html)
    assert link and 'hreflang="zh-Hans"' in link.group(0)  # the link says the file is Chinese
    response = client.get(english_report.url + "xlsx/")
    assert response.status_code == 200
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["表一", "表二", "表三", "报告信息"]
    assert book["表二"]["A1"].value == "表二 收到和处理政府信息公开申请情况"
    assert book["表二"]["D2"].value == "申请人情况"
    assert book["报告信息"]["B1"].value == "某县东湖镇人民政府"
    path = tmp_path / "english-page.xlsx"
    path.write_bytes(response.content)
    reading = xlsx.read(path)
    assert reading.problems == []
    assert {k: v for k, (_t, v) in reading.tables.items()} == consistent_report()
    out = StringIO()
    call_command("check_annual_report", str(path), stdout=out)
    assert "共 0 个错误，0 个警告。" in out.getvalue()
