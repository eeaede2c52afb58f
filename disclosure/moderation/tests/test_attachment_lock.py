"""Attachments are content: a document or image that a live page uses is replaced only through
the review of a page revision that links a new file (issue 14, item 12)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from disclosure.catalogue.models import CategoryPage, DisclosureDocumentPage


@pytest.fixture
def office(small_office):
    return small_office


def new_document(title, content=None):
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(content or f"%PDF-1.4 {title}".encode(), name="attachment.pdf"),
    )


def body_with(*documents):
    return [
        ("paragraph", RichText("<p>见附件。</p>")),
        *(("attachment", {"document": document, "title": ""}) for document in documents),
    ]


def county_live_page(office, document):
    """A live page of the county office (published directly, as the demo loader does)."""
    page = DisclosureDocumentPage(
        title="县政府办通知", slug="county-notice", live=False, body=body_with(document)
    )
    column = office["county_root"].add_child(
        instance=CategoryPage(title="通知公告", slug="county-notices")
    )
    column.save_revision().publish()
    column.add_child(instance=page)
    page.save_revision().publish()
    return page


def served(client, document):
    response = client.get(document.url)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_item_12_an_editor_cannot_replace_another_organisations_live_attachment(client, office):
    original = new_document("县政府办附件", b"%PDF-1.4 original")
    county_live_page(office, original)
    original_path = original.file.path

    client.force_login(office["users"]["editor"])
    response = client.post(
        reverse("wagtaildocs:edit", args=[original.pk]),
        {
            "title": "县政府办附件",
            "file": SimpleUploadedFile("forged.pdf", b"%PDF-1.4 forged"),
        },
    )
    client.logout()

    assert response.status_code != 302 or fresh_document(original).file.name == original.file.name
    assert served(client, original) == b"%PDF-1.4 original"
    with open(original_path, "rb") as kept:
        assert kept.read() == b"%PDF-1.4 original"


def fresh_document(document):
    return get_document_model().objects.get(pk=document.pk)
