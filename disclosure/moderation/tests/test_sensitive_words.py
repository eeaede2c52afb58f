"""Sensitive words: scanned over title, body and attachments; errors block submission; reviewers
see the hits marked."""

from io import BytesIO

import docx
import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from disclosure.catalogue.models import DisclosureDocumentPage
from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.models import SensitiveWord
from disclosure.moderation.review.sensitive import highlighted, scan
from search.extraction import extract_document
from search.models import AttachmentText, ExtractionStatus
from tests.bombs import MIB, docx_bomb

from .helpers import body_with, draft_item, edit_form_data, fresh


def docx_attachment(text, extracted=True):
    """An uploaded DOCX; `extracted`: the worker has read it (else its text is pending)."""
    document = docx.Document()
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    attachment = get_document_model().objects.create(
        title="附件一", file=ContentFile(buffer.getvalue(), name="attachment.docx")
    )
    if extracted:
        extract_document(attachment)
    return attachment


@pytest.fixture
def words(db):
    return [
        SensitiveWord.objects.create(pattern="绝密", category="涉密", level="error"),
        SensitiveWord.objects.create(
            pattern=r"\d{17}[\dXx]", is_regex=True, category="个人信息", level="error"
        ),
        SensitiveWord.objects.create(pattern="内部资料", category="不当用语", level="warning"),
    ]


def test_the_scan_reads_title_body_and_attachment_text(words):
    page = DisclosureDocumentPage(
        title="关于内部资料的通知",
        body=[
            ("paragraph", RichText("<p>联系人身份证号 11010519491231002X。</p>")),
            ("attachment", {"document": docx_attachment("本件为绝密文件"), "title": ""}),
        ],
    )
    hits = {(hit.matched, hit.where, hit.level) for hit in scan(page)}
    assert hits == {
        ("内部资料", "标题", "warning"),
        ("11010519491231002X", "正文", "error"),
        ("绝密", "附件“附件一”", "error"),
    }
    assert scan(page)[0].blocks_submission  # errors listed first


def test_marks_are_escaped_and_errors_stand_out(words):
    html = highlighted("<b>绝密</b> 与 内部资料", words)
    assert "&lt;b&gt;" in html
    assert '<mark class="sensitive-error"><strong>绝密</strong></mark>' in html
    assert '<mark class="sensitive-warning">内部资料</mark>' in html


def test_a_broken_or_empty_pattern_is_refused(db):
    with pytest.raises(ValidationError):
        SensitiveWord(pattern="(未闭合", is_regex=True, category="x").clean()
    with pytest.raises(ValidationError):
        SensitiveWord(pattern="a*", is_regex=True, category="x").clean()


def submit_over_http(client, page, title):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(
        url, edit_form_data(page, title=title, **{"action-submit": "1"}), follow=True
    )


def test_an_error_level_hit_blocks_submission_but_keeps_the_draft(client, office, column, words):
    editor = office["users"]["editor"]
    page = draft_item(column, editor)
    client.force_login(editor)
    response = submit_over_http(client, page, "绝密：老年人优待证办理")
    page = fresh(page)
    assert not page.workflow_in_progress
    assert page.get_latest_revision().as_object().title == "绝密：老年人优待证办理"
    assert (
        "未能提交审核" in response.content.decode() and "“绝密”（涉密" in response.content.decode()
    )


def test_warnings_do_not_block_and_reviewers_see_them_marked(client, office, column, words):
    users = office["users"]
    page = draft_item(column, users["editor"])
    client.force_login(users["editor"])
    submit_over_http(client, page, "内部资料：老年人优待证办理")
    assert fresh(page).workflow_in_progress

    client.force_login(users["reviewer"])
    editor_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "敏感词 1 处" in editor_html
    scan_html = client.get(reverse("moderation:sensitive_scan", args=[page.pk])).content.decode()
    assert '<mark class="sensitive-warning">内部资料</mark>' in scan_html
    client.force_login(office["users"]["outsider"])
    assert client.get(reverse("moderation:sensitive_scan", args=[page.pk])).status_code in {
        302,
        403,
        404,
    }


def draft_with_attachment(column, editor, attachment):
    return DisclosureDocumentPageFactory(
        parent=column,
        title="关于低保标准的通知",
        slug="dibao-notice",
        live=False,
        owner=editor,
        body=body_with(attachment),
    )


def reading_forbidden(*args, **kwargs):
    raise AssertionError("an attachment was read in the web process")


def test_submission_waits_for_attachment_text_then_the_scan_reads_the_stored_text(
    client, office, column, words, monkeypatch
):
    editor = office["users"]["editor"]
    attachment = docx_attachment("本件为绝密文件", extracted=False)
    assert AttachmentText.objects.get(document=attachment).status == ExtractionStatus.PENDING
    # As for a file uploaded before extraction was recorded, or whose task was lost.
    AttachmentText.objects.filter(document=attachment).delete()
    page = draft_with_attachment(column, editor, attachment)
    client.force_login(editor)
    with monkeypatch.context() as patch:
        patch.setattr("search.extraction.extract_in_child", reading_forbidden)
        patch.setattr("search.readers.extract", reading_forbidden)
        response = submit_over_http(client, page, page.title)
    assert response.status_code == 200
    assert not fresh(page).workflow_in_progress
    assert "“附件一”的文字正在提取" in response.content.decode()
    # Waiting ends: the submission queued the file for the worker again.
    assert AttachmentText.objects.get(document=attachment).status == ExtractionStatus.PENDING

    extract_document(attachment)  # what the worker does
    response = submit_over_http(client, page, page.title)
    assert not fresh(page).workflow_in_progress
    assert "“绝密”（涉密，见附件“附件一”）" in response.content.decode()


def test_an_unreadable_attachment_does_not_block_and_reviewers_are_told_why(
    client, office, column, words
):
    users = office["users"]
    bomb = get_document_model().objects.create(
        title="炸弹", file=ContentFile(docx_bomb(48 * MIB), name="bomb.docx")
    )
    stored = extract_document(bomb)
    assert stored.status == ExtractionStatus.REFUSED and "疑似压缩炸弹" in stored.error
    page = draft_with_attachment(column, users["editor"], bomb)
    client.force_login(users["editor"])
    submit_over_http(client, page, page.title)
    assert fresh(page).workflow_in_progress

    client.force_login(users["reviewer"])
    editor_html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "1 个附件未能检查" in editor_html
    html = client.get(reverse("moderation:sensitive_scan", args=[page.pk])).content.decode()
    assert "附件“炸弹”无法提取文字" in html and "疑似压缩炸弹" in html
