"""Downloads of a report: the PDF read back."""

from io import BytesIO

import pytest
from pypdf import PdfReader

from disclosure.reports.tests.factories import make_index, make_report
from tests.factories import publish_fixture

pytestmark = pytest.mark.django_db


def flat(text):
    return "".join(text.split())


def pdf_pages(content):
    return [page.extract_text() for page in PdfReader(BytesIO(content)).pages]


def test_pdf_download_has_the_labels_numbers_and_repeated_headers(client):
    report = make_report(make_index(), 2023)
    response = client.get(report.url + "pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pages = pdf_pages(response.content)
    text = flat("".join(pages))
    for label in (
        flat(report.title),
        "一、总体情况",
        "表一主动公开政府信息情况",
        "行政规范性文件",
        "本年新收政府信息公开申请数量",
        "法人或其他组织",
        "属于国家秘密",
        "结转下年度继续办理",
        "表三政府信息公开行政复议、行政诉讼情况",
        "复议后起诉",
    ):
        assert label in text, label
    # Table B runs over a page break; its header rows are printed again on the next page.
    table_b_pages = [flat(p) for p in pages if "（一）予以公开" in p or "本年新收" in p]
    assert len(table_b_pages) == 1 or all("法人或其他组织" in p for p in table_b_pages)
    spanning = [flat(p) for p in pages if "属于国家秘密" in p or "二、上年结转" in p]
    assert all("申请人情况" in p and "法律服务机构" in p for p in spanning)


def test_exports_are_built_in_celery_once_per_revision(client, monkeypatch):
    from django.core.files.storage import default_storage

    from disclosure.reports import tasks
    from disclosure.reports.downloads import exports

    report = make_report(make_index(), 2023)
    report.refresh_from_db()
    queued = []
    monkeypatch.setattr(tasks.build_export, "delay", lambda *args: queued.append(args))

    waiting = client.get(report.url + "pdf/")
    assert waiting.status_code == 202
    html = waiting.content.decode()
    assert "正在生成…" in html and '<meta http-equiv="refresh" content="3">' in html
    assert client.get(report.url + "pdf/").status_code == 202
    assert queued == [(report.live_revision_id, "pdf")]  # a refresh does not enqueue again

    tasks.build_export(*queued[0])  # what the worker does
    served = client.get(report.url + "pdf/")
    assert served.status_code == 200 and served["Content-Type"] == "application/pdf"
    first = exports.file_name(report.live_revision, "pdf")
    assert default_storage.exists(first)

    report.title = "2023 年报告（修订）"
    publish_fixture(report)
    assert client.get(report.url + "pdf/").status_code == 202  # a new revision: a new file
    tasks.build_export(*queued[-1])
    assert not default_storage.exists(first)  # the old revision's file is dropped
    assert "修订" in "".join(pdf_pages(client.get(report.url + "pdf/").content))


def test_eager_celery_serves_each_format_on_the_first_request(client):
    report = make_report(make_index(), 2023)
    for export_format in ("xlsx", "docx", "pdf"):
        response = client.get(report.url + f"{export_format}/")
        assert response.status_code == 200, export_format
        assert response.content[:4] in (b"PK\x03\x04", b"%PDF")
