"""A 便民服务事项清单 goes to review and to the public only with its items: a draft may be saved
empty (the editor fills it in later, Wagtail's autosave saves it as it is), submitting and
publishing refuse it with the message on the field."""

import json

import pytest
from django.forms.utils import ErrorList
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from disclosure.catalogue.models import ServiceItemListPage
from disclosure.moderation.tests.offices import build_office

TITLE = "友谊镇便民服务事项清单"
REQUIRED = "必需字段"  # Wagtail's own message, in its zh-Hans catalogue


@pytest.fixture
def office(db):
    return build_office()


def create_url(office):
    column = office["columns"][0]
    return reverse("wagtailadmin_pages:add", args=("catalogue", "serviceitemlistpage", column.pk))


def posted(items, **action):
    return {
        **nested_form_data(
            {
                "title": TITLE,
                "slug": "bian-min-fu-wu",
                "intro": rich_text(""),
                "items": streamfield(items),
                "attachments": streamfield([]),
                "domain": "",
                "written_on": "",
                "published_on": "",
                "doc_number": "",
                "validity": "valid",
                "effective_on": "",
                "abolished_on": "",
                "keywords": "",
                "summary": "",
                "comments": inline_formset([]),
            }
        ),
        **action,
    }


ONE_ITEM = [("item", {"name": "老年人优待证办理", "department": "民政办", "guide": ""})]


def items_errors(response):
    """The messages on the list of items as a whole (the StreamField's own, not an item's)."""
    assert response.status_code == 200
    return [
        message
        for error in response.context["form"].errors.get("items", ErrorList()).as_data()
        for message in error.non_block_errors
    ]


def shown_on_the_field(response):
    """The StreamField's errors reach the page as the JSON its script renders on the field."""
    return json.dumps(REQUIRED).strip('"') in response.content.decode()


def test_a_draft_may_be_saved_without_items(client, office):
    client.force_login(office["users"]["editor"])
    response = client.post(create_url(office), posted([]))
    assert response.status_code == 302
    assert ServiceItemListPage.objects.get().title == TITLE


@pytest.mark.parametrize(
    ("who", "action"),
    [("editor", {"action-submit": "提交审核"}), ("admin", {"action-publish": "发布"})],
)
def test_submission_and_publication_refuse_an_empty_list(client, office, who, action):
    client.force_login(office["users"][who])
    response = client.post(create_url(office), posted([], **action))
    assert REQUIRED in items_errors(response)
    assert shown_on_the_field(response)
    assert not ServiceItemListPage.objects.exists()


def test_a_list_with_items_is_submitted(client, office):
    client.force_login(office["users"]["editor"])
    response = client.post(create_url(office), posted(ONE_ITEM, **{"action-submit": "提交审核"}))
    assert response.status_code == 302, response.context["form"].errors
    assert ServiceItemListPage.objects.get().workflow_in_progress


def test_submitting_a_saved_empty_draft_is_refused(client, office):
    client.force_login(office["users"]["editor"])
    client.post(create_url(office), posted([]))
    page = ServiceItemListPage.objects.get()
    edit = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    response = client.post(edit, posted([], **{"action-submit": "提交审核"}))
    assert REQUIRED in items_errors(response)
    assert not ServiceItemListPage.objects.get().workflow_in_progress
