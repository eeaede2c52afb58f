"""A page listing offers only the bulk actions its reader may carry out there. Publishing a
disclosure page is the review's finish (or 强制发布), taking a published one down a 撤稿申请:
bulk 发布 and 取消发布 are refused on every disclosure page, and a user who may publish nowhere
(信息员, 初审, 保密审查, 分管领导) is refused them everywhere; so neither is offered there
(publishing/bulk_actions.py). 移动 and 删除 stay: an editor moves and deletes her drafts; a page
with published content among those chosen is refused with the pointer to 申请撤稿."""

import pytest
from django.urls import reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from disclosure.moderation.publishing.bulk_actions import withheld_page_bulk_actions
from disclosure.moderation.publishing.guards import WITHDRAW_THROUGH_REVIEW

from .helpers import published_item

# Every page bulk action of the registry: which ones a disclosure listing withholds.
WITHHELD_IN_DISCLOSURE = {"publish": True, "unpublish": True, "delete": False, "move": False}


def registered():
    return {
        action.action_type
        for action in bulk_action_registry.get_bulk_actions_for_model("wagtailcore", "page")
    }


def offered(client, user, parent):
    client.force_login(user)
    html = client.get(reverse("wagtailadmin_explore", args=[parent.pk])).content.decode()
    return {
        action
        for action in registered()
        if reverse("wagtail_bulk_action", args=("wagtailcore", "page", action)) in html
    }


def test_every_registered_page_bulk_action_is_decided():
    assert registered() == WITHHELD_IN_DISCLOSURE.keys()


@pytest.mark.parametrize("role", ["editor", "reviewer", "secrecy", "leader", "admin"])
def test_a_disclosure_column_offers_no_bulk_publishing(client, small_office, role):
    column = small_office["columns"][0]
    published_item(small_office, column)
    kept = {action for action, withheld in WITHHELD_IN_DISCLOSURE.items() if not withheld}
    assert offered(client, small_office["users"][role], column) == kept


def test_outside_the_disclosure_tree_who_may_publish_is_offered_every_action(
    client, small_office, django_user_model
):
    home = small_office["root"].get_parent()
    superuser = django_user_model.objects.create_superuser("root", password="x")
    assert offered(client, superuser, home) == registered()


def test_who_may_publish_nowhere_is_offered_no_bulk_publishing_anywhere(small_office):
    users = small_office["users"]
    for role in ("editor", "reviewer", "secrecy", "leader"):
        assert withheld_page_bulk_actions(users[role]) == {"publish", "unpublish"}, role
    assert withheld_page_bulk_actions(users["admin"]) == set()  # 管理员 may publish elsewhere


def test_deleting_published_pages_in_bulk_points_to_the_withdrawal_request(client, small_office):
    column = small_office["columns"][0]
    page = published_item(small_office, column)
    client.force_login(small_office["users"]["admin"])
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    response = client.post(f"{url}?id={page.pk}", follow=True)
    assert str(WITHDRAW_THROUGH_REVIEW) in response.content.decode()
    assert "申请撤稿" in str(WITHDRAW_THROUGH_REVIEW)
