"""An attachment is downloadable by the public only once a page using it is published."""

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from disclosure.catalogue.models import CategoryPage, DisclosureDocumentPage

from .helpers import approve_all, submit


def test_attachment_of_a_draft_is_held_back_until_publication(client, office):
    users = office["users"]
    column = CategoryPage.objects.descendant_of(office["root"]).first()
    document = get_document_model().objects.create(
        title="征求意见稿", file=ContentFile(b"%PDF-1.4 draft", name="draft.pdf")
    )
    page = DisclosureDocumentPage(
        title="关于征求意见的通知",
        slug="consultation",
        live=False,
        owner=users["editor"],
        body=[
            ("paragraph", RichText("<p>见附件。</p>")),
            ("attachment", {"document": document, "title": ""}),
        ],
    )
    column.add_child(instance=page)
    page.save_revision(user=users["editor"])

    assert client.get(document.url).status_code == 404
    client.force_login(users["reviewer"])
    assert client.get(document.url).status_code == 200
    client.logout()

    submit(page, users["editor"])
    assert approve_all(page, users).live
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 draft"
