"""Attachment text: extracted in Celery, indexed with the live pages that link it."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import Page

from search import attachments
from search.models import AttachmentText, ExtractionStatus
from search.tests.factories import docx_bytes, item_with_attachment, pdf_bytes, xlsx_bytes
from tests.factories import DocumentFactory


def test_pdf_docx_and_xlsx_text_is_read():
    assert "危房改造补助" in attachments.extract("a.pdf", pdf_bytes("危房改造补助名单"))
    text = attachments.extract("b.DOCX", docx_bytes("申请人须知", "表格里的低保标准"))
    assert "申请人须知" in text and "表格里的低保标准" in text
    text = attachments.extract("c.xlsx", xlsx_bytes("农村公路养护"))
    assert "支出明细" in text and "农村公路养护" in text
    assert attachments.can_read("d.OFD")


def search_titles(text):
    return [page.title for page in Page.objects.live().public().search(text)]


@pytest.fixture
def document():
    def make(name, data):
        return DocumentFactory(title=name, file__data=data, file__filename=name)

    return make


@pytest.mark.django_db
def test_attachment_text_is_indexed_with_the_page_only_while_it_is_live(
    corpus, document, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        doc = document("名单.docx", docx_bytes("张三 危房改造补助对象", "李四"))
    page = item_with_attachment(corpus["budget"], doc)
    assert search_titles("危房改造补助对象") == []  # not extracted yet
    for callback in callbacks:  # the Celery task, run eagerly: extract, then reindex the page
        callback()
    assert AttachmentText.objects.get(document=doc).text.startswith("张三")
    assert search_titles("危房改造补助对象") == ["危房改造公示"]

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert search_titles("危房改造补助对象") == []
    assert not page.index_entries.exists()


@pytest.mark.django_db
def test_a_page_published_after_extraction_carries_the_text(
    corpus, document, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        doc = document("明细.xlsx", xlsx_bytes("农村公路养护资金"))
        draft = item_with_attachment(corpus["budget"], doc, title="资金明细")
    assert search_titles("农村公路养护") == ["资金明细"]
    with django_capture_on_commit_callbacks(execute=True):
        broken = document("坏文件.pdf", b"%PDF-1.4 not really")
    assert AttachmentText.objects.get(document=broken).error
    assert draft.live


@pytest.mark.django_db
def test_expired_and_never_published_pages_leave_no_index_entry(
    corpus, django_capture_on_commit_callbacks
):
    from wagtail.search.models import IndexEntry

    page = corpus["dibao_title"]
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish(set_expired=True)
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    assert "低保申请须知" not in search_titles("低保")
    assert not IndexEntry.objects.filter(object_id=str(corpus["draft"].pk)).exists()


@pytest.mark.django_db
def test_the_text_of_a_replaced_file_is_not_stored_for_the_new_one(document):
    from search.extraction import extract_document

    doc = document("通知.txt", "旧文件的文字".encode())
    read_by_a_slow_task = get_document_model().objects.get(pk=doc.pk)
    doc.file = ContentFile("新文件的文字".encode(), name="通知新.txt")
    doc.save()
    assert AttachmentText.objects.get(document=doc).status == ExtractionStatus.PENDING

    assert extract_document(read_by_a_slow_task).status == ExtractionStatus.PENDING
    stored = extract_document(doc)
    assert (stored.status, stored.text) == (ExtractionStatus.DONE, "新文件的文字")
    doc.title = "通知（改标题）"
    doc.save()  # the same file: its text stays read
    assert AttachmentText.objects.get(document=doc).status == ExtractionStatus.DONE
