"""Attachments download under their Chinese titles (RFC 5987 `filename*`), with the stored
name as the ASCII fallback; who may download is decided as before (test_attachments.py)."""

from urllib.parse import quote

import pytest
from django.urls import reverse

from disclosure.moderation.tests.offices import OFFICE_PER_MODULE
from gongkai.document_names import download_name
from tests.factories import DocumentFactory

from .helpers import draft_with, published_with

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    return small_office


def document(title, filename, data=b"PK\x03\x04 form"):
    return DocumentFactory(title=title, file__data=data, file__filename=filename)


def test_a_form_downloads_under_its_chinese_title(client, office):
    form = document("最低生活保障申请表", "dibao-form.docx")
    published_with(office, "dibao", form)
    response = client.get(form.url)
    assert response.status_code == 200
    header = response["Content-Disposition"]
    assert header.startswith("attachment; ")
    assert f"filename*=UTF-8''{quote('最低生活保障申请表.docx')}" in header
    # The stored name (storage adds a suffix when the folder already holds one of that name).
    assert form.filename.startswith("dibao-form") and form.filename.endswith(".docx")
    assert f'filename="{form.filename}"' in header
    assert b"".join(response.streaming_content) == b"PK\x03\x04 form"


def test_a_pdf_shown_in_the_browser_is_saved_under_its_title(client, office):
    notice = document("关于开展2024年低保复核的通知", "notice.pdf", b"%PDF-1.4 notice")
    published_with(office, "notice", notice)
    header = client.get(notice.url)["Content-Disposition"]
    assert header.startswith("inline; ")
    assert f"filename*=UTF-8''{quote('关于开展2024年低保复核的通知.pdf')}" in header


def test_the_walls_still_hold_the_attachment_of_a_draft(client, office):
    draft = document("征求意见稿", "draft.docx")
    draft_with(office, "consultation", draft)
    assert client.get(draft.url).status_code == 404
    # At the address Wagtail names, whatever the URL's file name says.
    url = reverse("wagtaildocs_serve", args=(draft.pk, draft.filename))
    assert url == draft.url and client.get(url).status_code == 404
    assert client.get(f"/documents/{draft.pk}/other.docx").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    "title, filename, expected",
    [
        ("申请表.DOCX", "a.docx", "申请表.docx"),
        ("收费标准/2024", "a.xlsx", "收费标准 2024.xlsx"),
        ('  "通知"  ', "a.pdf", "通知.pdf"),
        ("...", "stored-name.pdf", None),  # nothing left of the title: the stored name
    ],
)
def test_the_download_name_is_a_safe_file_name(title, filename, expected):
    stored = document(title, filename)
    assert download_name(stored) == (expected or stored.filename)
