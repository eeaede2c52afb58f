"""An attachment is downloadable by the public only while a published page's live content
uses it: not from a draft, not from the unpublished next version of a live page, not from a
retracted page, not from a page behind a view restriction."""

import pytest
from wagtail.models import PageViewRestriction

from disclosure.moderation.organisations.organisation_collections import organisation_collection
from disclosure.moderation.publishing.withdrawal import decide_withdrawal, request_withdrawal
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE
from tests.factories import DocumentFactory

from .helpers import approve_all, body_with, draft_with, fresh, published_with, submit

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    return small_office


def new_document(title, **kwargs):
    return DocumentFactory(title=title, file__data=f"%PDF-1.4 {title}".encode(), **kwargs)


def public_status(client, document):
    return client.get(document.url).status_code


def test_attachment_of_a_draft_is_held_back_until_publication(client, office):
    users = office["users"]
    # Uploaded by the township's editor, into its organisation's collection.
    township = office["root"].organisation
    document = new_document("征求意见稿", collection=organisation_collection(township))
    page = draft_with(office, "consultation", document)

    assert public_status(client, document) == 404
    client.force_login(users["reviewer"])
    assert public_status(client, document) == 200
    client.logout()

    submit(page, users["editor"])
    assert approve_all(page, users).live
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == "%PDF-1.4 征求意见稿".encode()


def test_attachment_is_public_when_its_page_is_published_whatever_the_worker(
    client, office, settings
):
    # Wagtail's own update of the reference index waits for a worker (a task after the commit).
    settings.TASKS = {
        **settings.TASKS,
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    }
    users = office["users"]
    document = new_document("公告附件")
    page = draft_with(office, "notice", document)
    submit(page, users["editor"])
    assert approve_all(page, users).live
    assert public_status(client, document) == 200


def test_new_attachment_in_the_draft_of_a_live_page_waits_for_review(client, office):
    users = office["users"]
    notice, annex = new_document("通知"), new_document("新增附件")
    page = published_with(office, "notice", notice)

    # The next version adds an attachment: saved as a revision, the live content keeps one.
    page.body = body_with(notice, annex)
    page.save_revision(user=users["editor"])
    assert public_status(client, notice) == 200
    assert public_status(client, annex) == 404

    submit(page, users["editor"])
    assert public_status(client, annex) == 404
    approve_all(page, users)
    assert public_status(client, annex) == 200


def test_attachment_of_a_retracted_page_is_withdrawn_with_it(client, office):
    users = office["users"]
    document = new_document("已撤回的通知")
    page = published_with(office, "retracted", document)
    assert public_status(client, document) == 200

    withdrawal = request_withdrawal(page, users["editor"], "unpublish", "内容有误，申请撤下。")
    decide_withdrawal(withdrawal, users["leader"], approve=True, comment="同意撤下。")
    assert not fresh(page).live
    assert public_status(client, document) == 404


def test_attachment_shared_by_a_live_page_and_a_draft_is_public(client, office):
    shared = new_document("共用附件")
    published_with(office, "live-user", shared)
    draft_with(office, "draft-user", shared)
    assert public_status(client, shared) == 200


def test_attachment_of_a_live_page_behind_a_login_restriction_is_not_public(client, office):
    document = new_document("内部通知")
    page = published_with(office, "internal", document)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert public_status(client, document) == 404


def listed_in_public_api(client, document):
    listing = client.get("/api/v2/documents/").json()
    listed = document.pk in {item["id"] for item in listing["items"]}
    detail = client.get(f"/api/v2/documents/{document.pk}/").status_code
    assert listed == (detail == 200)
    return listed


def test_the_public_api_lists_only_attachments_the_public_may_download(client, office):
    users = office["users"]
    document = new_document("草稿附件")
    page = draft_with(office, "api-listing", document)
    assert not listed_in_public_api(client, document)

    submit(page, users["editor"])
    approve_all(page, users)
    assert listed_in_public_api(client, document)
