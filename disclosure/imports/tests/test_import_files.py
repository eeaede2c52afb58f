"""Imported attachments (issue 18): files from a local folder, never outside it, never fetched."""

import json

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents import get_document_model

from disclosure.catalogue.models import (
    BudgetPage,
    DisclosureDocumentPage,
    PolicyDocumentPage,
    ServiceGuidePage,
)
from disclosure.imports.files import FileFolder, attachment_field

from .factories import record

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.4\n%test\n"


def run(tmp_path, capsys, rows, *args):
    path = tmp_path / "export" / "old.jsonl"
    path.parent.mkdir(exist_ok=True)
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", "utf-8")
    call_command("import_documents", str(path), *args)
    return capsys.readouterr()[0]


def attachments_of(page):
    return [
        (block.value["document"].title, block.value["title"])
        for block in page.body
        if block.block_type == "attachment"
    ]


def test_attachments_next_to_the_file_are_linked_and_bad_ones_reported(category, tmp_path, capsys):
    files = tmp_path / "export" / "files"
    files.mkdir(parents=True)
    (files / "通知.pdf").write_bytes(PDF)
    (files / "run.exe").write_bytes(b"MZ")
    (files / "run.pdf").write_bytes(b"MZ")
    (tmp_path / "secret.pdf").write_bytes(PDF)
    (files / "escape.pdf").symlink_to(tmp_path / "secret.pdf")
    attachments = [
        {"title": "通知全文", "path": "files/通知.pdf"},
        {"title": "程序", "path": "files/run.exe"},
        {"title": "改名程序", "path": "files/run.pdf"},
        {"title": "上级", "path": "../secret.pdf"},
        {"title": "绝对", "path": str(tmp_path / "secret.pdf")},
        {"title": "链接", "path": "files/escape.pdf"},
        {"title": "缺失", "path": "files/none.pdf"},
        {"title": "网址", "path": "http://old.example.gov.cn/files/通知.pdf"},
    ]
    out = run(tmp_path, capsys, [record(1, attachments=attachments)])

    assert "新建 1 篇" in out and "跳过 0 行" in out
    page = DisclosureDocumentPage.objects.get()
    assert attachments_of(page) == [("通知全文", "通知全文")]
    assert "“files/run.exe”未导入：不支持“exe”类型的附件" in out
    assert "“files/run.pdf”未导入：文件内容与扩展名不符：“run.pdf”的内容不是 PDF 文件。" in out
    assert "“../secret.pdf”未导入：路径必须在附件目录之内" in out
    assert f"“{tmp_path / 'secret.pdf'}”未导入：路径必须在附件目录之内" in out
    assert "“files/escape.pdf”未导入：路径指向附件目录之外。" in out
    assert "“files/none.pdf”未导入：文件不存在。" in out
    assert "需用 --files 指定存放原网站文件的目录" in out
    assert get_document_model().objects.count() == 1


def test_old_site_urls_name_files_in_the_given_folder_and_are_never_fetched(
    category, tmp_path, capsys, monkeypatch
):
    import socket

    def no_network(*args, **kwargs):
        raise AssertionError("an attachment URL was fetched")

    monkeypatch.setattr(socket, "create_connection", no_network)
    mirror = tmp_path / "mirror"
    (mirror / "uploads" / "2021").mkdir(parents=True)
    (mirror / "uploads" / "2021" / "垃圾分类.pdf").write_bytes(PDF)
    url = "http://old.example.gov.cn/uploads/2021/%E5%9E%83%E5%9C%BE%E5%88%86%E7%B1%BB.pdf"
    rows = [
        record(1, attachments=[{"title": "方案", "path": url}]),
        record(2, attachments=[{"title": "同一文件", "path": "uploads/2021/垃圾分类.pdf"}]),
        record(3, attachments=[{"path": "http://old.example.gov.cn/../../etc/passwd.pdf"}]),
    ]
    out = run(tmp_path, capsys, rows, "--files", str(mirror))

    assert "新建 3 篇" in out
    first, second, _ = DisclosureDocumentPage.objects.order_by("pk")
    assert attachments_of(first) == [("方案", "方案")]
    # The same file twice is one document.
    assert [b.value["document"].pk for b in second.body if b.block_type == "attachment"] == [
        b.value["document"].pk for b in first.body if b.block_type == "attachment"
    ]
    assert "未导入：路径必须在附件目录之内" in out


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=10)
def test_an_attachment_over_the_size_limit_is_reported_and_the_record_kept(
    category, tmp_path, capsys
):
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "big.pdf").write_bytes(PDF)
    out = run(tmp_path, capsys, [record(1, attachments=[{"title": "大", "path": "big.pdf"}])])
    assert "新建 1 篇" in out and "超过上限" in out
    assert attachments_of(DisclosureDocumentPage.objects.get()) == []


def test_the_attachment_field_is_found_on_each_type():
    assert attachment_field(DisclosureDocumentPage) == ("body", "attachment")
    assert attachment_field(PolicyDocumentPage) == ("body", "attachment")
    assert attachment_field(BudgetPage) == ("body", "attachment")
    # The types given a dedicated attachment list (branch h-editors-content) use it.
    expected = ("attachments", "attachment") if hasattr(ServiceGuidePage, "attachments") else None
    assert attachment_field(ServiceGuidePage) == expected


def test_a_folder_refuses_other_schemes(tmp_path):
    from disclosure.imports.files import AttachmentRefused

    with pytest.raises(AttachmentRefused):
        FileFolder(tmp_path, takes_urls=True).locate("file:///etc/passwd")


def test_a_file_missing_at_first_is_attached_by_a_later_run_once_supplied(category, tmp_path):
    from disclosure.catalogue.models import DisclosureDocumentPage
    from disclosure.imports import importer
    from disclosure.imports.files import FileFolder

    row = {**record(1), "attachments": [{"title": "实施细则", "path": "xize.pdf"}]}
    options = importer.ImportOptions(files=FileFolder(tmp_path))
    first = importer.import_documents([json.dumps(row, ensure_ascii=False)], options=options)
    assert "附件“xize.pdf”未导入" in first.notes[0][1]

    (tmp_path / "xize.pdf").write_bytes(b"%PDF-1.4\n%test\n")
    again = importer.import_documents([json.dumps(row, ensure_ascii=False)], options=options)

    assert again.updated == [1] and again.notes == []
    page = DisclosureDocumentPage.objects.get()
    assert [b.value["title"] for b in page.body if b.block_type == "attachment"] == ["实施细则"]
    third = importer.import_documents([json.dumps(row, ensure_ascii=False)], options=options)
    assert third.unchanged == [1]
