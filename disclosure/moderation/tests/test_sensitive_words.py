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
from disclosure.moderation.models import SensitiveWord
from disclosure.moderation.sensitive import highlighted, scan

from .conftest import draft_item
from .helpers import edit_form_data, fresh


def docx_attachment(text):
    document = docx.Document()
    document.add_paragraph(text)
    buffer = BytesIO()
    document.save(buffer)
    return get_document_model().objects.create(
        title="附件一", file=ContentFile(buffer.getvalue(), name="attachment.docx")
    )


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
    }
