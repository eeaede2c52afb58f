"""After 退回修改, 通过 or 通过并发布 in the page editor, the reviewer is told what happened to the
item, not Wagtail's "页面 'X' 已被更新。" (findings F6 of the editors' walk-through, issue 17)."""

import json

from django.contrib.messages import get_messages
from django.urls import reverse

from tests.fixtures import DEMO_PER_MODULE

from .helpers import FULL_CHECKLIST, act, draft_item, edit_form_data, fresh, submit

pytestmark = DEMO_PER_MODULE


def act_in_the_editor(client, page, action, **extra):
    data = edit_form_data(
        fresh(page),
        **{
            "action-workflow-action": "1",
            "workflow-action-name": action,
            "workflow-action-extra-data": json.dumps(extra),
        },
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_sending_back_says_it_was_sent_back(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    client.force_login(users["reviewer"])
    said = act_in_the_editor(client, page, "reject", comment="办理地点写错了。")
    # The action done, then the status it left (“已退回修改” alone contains “已退回”).
    assert any("已退回修改" in text and "当前状态：已退回" in text for text in said), said
    assert not any("已被更新" in text for text in said), said


def test_passing_a_step_names_the_next_one(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    client.force_login(users["reviewer"])
    said = act_in_the_editor(client, page, "approve")
    assert any("已通过" in text and "待保密审查" in text for text in said), said


def test_the_leaders_approval_says_published(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"])
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    client.force_login(users["leader"])
    said = act_in_the_editor(client, page, "approve")
    assert fresh(page).live
    assert any("已通过" in text and "已发布" in text for text in said), said
