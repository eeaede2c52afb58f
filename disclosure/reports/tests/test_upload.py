"""Uploading a workbook in our layout fills a report's tables, or names each bad cell."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import PageLogEntry

from disclosure.reports.filling import drafts
from disclosure.reports.tests.factories import (
    consistent_report,
    make_index,
    make_report,
    workbook_upload,
)
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t

pytestmark = pytest.mark.django_db


@pytest.fixture
def report():
    index = make_index()
    make_report(index, 2023)
    return make_report(index, 2024, publish=False)


def test_a_consistent_workbook_fills_the_tables_as_a_draft(admin_client, report):
    values = consistent_report()
    values["table_a"]["normative"].update(issued=7)
    url = reverse("reports:upload", args=[report.pk])
    assert "统计表工作簿" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"workbook": workbook_upload(values)})
    assert response.status_code == 302
    report.refresh_from_db()
    draft = report.get_latest_revision_as_object()
    assert draft.table_values()["table_a"]["normative"]["issued"] == 7
    assert report.live_revision_id is None and report.has_unpublished_changes  # not published
    entry = PageLogEntry.objects.get(page=report, action=drafts.LOG_ACTION)
    assert "统计表.xlsx" in entry.data["message"]


def test_an_inconsistent_workbook_names_each_cell_and_writes_nothing(admin_client, report):
    values = consistent_report()
    values["table_b"]["new"].update(natural=4, total=4)  # R1 breaks in two columns
    values["table_c"]["cases"]["review_upheld"] = None  # a blank: R7
    latest = report.latest_revision_id
    url = reverse("reports:upload", args=[report.pk])
    response = admin_client.post(url, {"workbook": workbook_upload(values)})
    assert response.status_code == 200
    html = response.content.decode()
    addresses = xlsx.cell_addresses(t.TABLE_B_2021)
    assert f"表二 {addresses[('result_total', 'natural')]}" in html
    assert "第一项 + 第二项 = 5" in html
    assert f"表三 {xlsx.cell_addresses(t.TABLE_C)[('cases', 'review_upheld')]}" in html
    assert "空白，缺少数据" in html and "未写入报告" in html
    report.refresh_from_db()
    assert report.latest_revision_id == latest
    assert not PageLogEntry.objects.filter(page=report, action=drafts.LOG_ACTION).exists()


def test_r5_is_checked_against_last_years_report(admin_client, report):
    values = consistent_report()
    for row in ("carried_in", "carried_out"):
        values["table_b"][row].update(natural=2, total=2)
    response = admin_client.post(
        reverse("reports:upload", args=[report.pk]), {"workbook": workbook_upload(values)}
    )
    assert response.status_code == 200 and "R5" in response.content.decode()


def test_a_file_that_is_not_a_workbook_is_refused_in_chinese(admin_client, report):
    upload = SimpleUploadedFile("报告.xlsx", "不是工作簿".encode())
    response = admin_client.post(reverse("reports:upload", args=[report.pk]), {"workbook": upload})
    assert response.status_code == 200
    assert "无法读取该文件" in response.content.decode()
