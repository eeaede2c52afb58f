"""An item sent back opens its edit page with who sent it back and why (try-out: the reason sat
behind the status side panel's icon); an item in review or resubmitted opens without it."""

from django.urls import reverse

from disclosure.catalogue.tests.factories import DisclosureDocumentPageFactory
from disclosure.moderation.tests.offices import OFFICE_PER_MODULE

from .helpers import act, fresh, submit

pytestmark = OFFICE_PER_MODULE

NOTICE = "退回修改："


def sent_back_item(office):
    users, (_guides, notices) = office["users"], office["columns"]
    page = DisclosureDocumentPageFactory(
        parent=notices, title="被退回的通知", live=False, owner=users["editor"]
    )
    submit(page, users["editor"])
    act(page, users["reviewer"], "reject", comment="请写明办理地点。")
    return page


def edit_page(client, office, page):
    client.force_login(office["users"]["editor"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


def test_a_sent_back_item_opens_with_the_reason(client, small_office):
    page = sent_back_item(small_office)
    html = edit_page(client, small_office, page)
    assert "由reviewer退回修改：请写明办理地点。" in html
    assert "修改后请重新提交审核。" in html


def test_a_resubmitted_item_opens_without_it(client, small_office):
    page = sent_back_item(small_office)
    fresh(page).current_workflow_state.resume(user=small_office["users"]["editor"])
    assert NOTICE not in edit_page(client, small_office, page)


def test_an_item_in_review_opens_without_it(client, small_office):
    users, (_guides, notices) = small_office["users"], small_office["columns"]
    page = DisclosureDocumentPageFactory(
        parent=notices, title="审核中的通知", live=False, owner=users["editor"]
    )
    submit(page, users["editor"])
    assert NOTICE not in edit_page(client, small_office, page)
