"""Publishing an approved item leaves no draft behind, and the Art. 26 clock restarts only when the
content changes.

Reported (issue #17, try-out in chromium): after the leader's 附意见通过并发布 on items with
attachments, a draft revision appeared on 2 of 3 items; the item showed unpublished changes and
its Art. 26 clock of 20 working days started again."""

import datetime
import json

import pytest
from django.urls import reverse
from wagtail.models import Revision

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.review.deadlines import unpublished_items_near_deadline
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE
from tests.factories import DocumentFactory

from .helpers import FULL_CHECKLIST, act, body_with, edit_form_data, fresh, submit

pytestmark = OFFICE_PER_MODULE


@pytest.fixture
def office(small_office):
    return small_office


def item_with_attachments(office, slug="fujian-ceshi"):
    documents = [
        DocumentFactory(title=f"附件{n}", file__data=f"%PDF-1.4 {n}".encode()) for n in (1, 2)
    ]
    page = DisclosureDocumentPageFactory(
        parent=office["columns"][0],
        title="关于老年人优待证办理的通知",
        slug=slug,
        live=False,
        owner=office["users"]["editor"],
        body=body_with(*documents),
    )
    return fresh(page)


def at_final_step(office, page):
    users = office["users"]
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    page = fresh(page)
    assert page.current_workflow_task.name == "终审"
    return page


def revisions_of(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def approve_and_publish_from_the_editor(client, page, leader):
    """What the browser posts for 附意见通过并发布: the edit form, unchanged, with the action and
    the modal's comment (workflow-action.js)."""
    client.force_login(leader)
    data = edit_form_data(
        page,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": "同意发布。"}),
        },
    )
    return client.post(edit_url(page), data)


def autosave(client, page, **loaded):
    """What Wagtail's autosave (w-autosave) posts: the edit form as a JSON request."""
    return client.post(
        edit_url(page),
        edit_form_data(page, **loaded),
        headers={"accept": "application/json"},
    )


def test_approving_and_publishing_from_the_editor_leaves_no_draft(client, office):
    page = at_final_step(office, item_with_attachments(office))
    before = revisions_of(page)

    response = approve_and_publish_from_the_editor(client, page, office["users"]["leader"])

    page = fresh(page)
    assert response.status_code == 302
    assert page.live
    assert not page.has_unpublished_changes
    assert page.latest_revision_id == page.live_revision_id
    assert revisions_of(page) == before


def test_an_autosave_after_the_publication_creates_no_revision(client, office):
    page = at_final_step(office, item_with_attachments(office))
    loaded = page.get_latest_revision()
    approve_and_publish_from_the_editor(client, page, office["users"]["leader"])
    published = fresh(page)
    before = revisions_of(page)

    # The leader's editor tab, loaded before the publication, autosaves what it shows.
    response = autosave(
        client,
        published,
        loaded_revision_id=str(loaded.pk),
        loaded_revision_created_at=loaded.created_at.isoformat(),
    )

    page = fresh(page)
    assert response.status_code in (200, 400)
    assert revisions_of(page) == before
    assert not page.has_unpublished_changes


def test_an_autosave_that_changes_nothing_creates_no_revision(client, office):
    page = item_with_attachments(office)
    latest = page.get_latest_revision()
    client.force_login(office["users"]["editor"])
    before = revisions_of(page)

    response = autosave(
        client,
        page,
        loaded_revision_id=str(latest.pk),
        loaded_revision_created_at=latest.created_at.isoformat(),
    )

    assert response.status_code == 200
    assert response.json()["success"]
    assert revisions_of(page) == before


def test_the_art26_clock_restarts_only_from_a_content_change(office):
    users = office["users"]
    page = at_final_step(office, item_with_attachments(office))
    act(page, users["leader"], "approve")
    page = fresh(page)
    assert page.live
    # A revision identical to the live one (what a phantom autosave left behind) changes nothing
    # the public reads: it does not restart the clock.
    page.save_revision(user=users["editor"])
    later = datetime.date.today() + datetime.timedelta(days=40)
    assert fresh(page).has_unpublished_changes
    due = unpublished_items_near_deadline(users["editor"], later)
    assert page.pk not in [item.page.pk for item in due]

    changed = fresh(page)
    changed.title = "关于老年人优待证办理的通知（修订）"
    changed.save_revision(user=users["editor"])
    due = unpublished_items_near_deadline(users["editor"], later)
    assert page.pk in [item.page.pk for item in due]


def test_an_autosave_cannot_rewrite_a_signed_or_live_revision(client, office):
    """Wagtail's autosave overwrites, in place, the revision its tab saved last. When that
    revision is the one the review signed and published, the tab left open must not rewrite it
    under the signatures."""
    users = office["users"]
    page = item_with_attachments(office)
    client.force_login(users["editor"])
    typed = fresh(page)
    typed.title = "关于老年人优待证办理的通知（修改稿）"
    response = autosave(client, typed)
    autosaved = Revision.objects.get(pk=response.json()["revision_id"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")
    assert fresh(page).live_revision == autosaved

    rewritten = fresh(page)
    rewritten.title = "未经审核的标题"
    response = autosave(client, rewritten, overwrite_revision_id=str(autosaved.pk))

    assert response.status_code == 400
    autosaved.refresh_from_db()
    assert autosaved.content["title"] == "关于老年人优待证办理的通知（修改稿）"
