"""The 分管领导 finds a pending 撤稿申请 in the browser: on the dashboard (待处理的撤稿申请, the
requester by name) and on the page's editor (a notice beside the state badge, linking to the
decision); the requester's editor shows the request's state; the decision takes the page down."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.admin.utils import get_user_display_name

from disclosure.moderation.publishing.withdrawal import request_withdrawal
from disclosure.moderation.tests.helpers import FULL_CHECKLIST, act, fresh

from .people import sign_in, wait_until
from .review_items import TITLE, submitted_guide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

REASON = "办理流程已调整，本指南内容失效，申请撤下。"


def assert_on_one_line(notice):
    """Inside the window and not squeezed to a column of characters (the header is a row)."""
    box = notice.bounding_box()
    assert box["x"] + box["width"] <= 1280 and box["height"] < 40, box


def published_guide_with_a_withdrawal_request():
    users = {name: get_user_model().objects.get(username=name) for name in ["editor", "leader"]}
    guide = submitted_guide()
    act(guide, get_user_model().objects.get(username="reviewer"), "approve")
    act(guide, get_user_model().objects.get(username="secrecy"), "approve", **FULL_CHECKLIST)
    act(guide, users["leader"], "approve")
    assert fresh(guide).live
    request_withdrawal(fresh(guide), users["editor"], "unpublish", REASON)
    return fresh(guide), users


def test_the_leader_finds_and_decides_a_withdrawal_request(browser, live_demo, output_dir):
    guide, users = published_guide_with_a_withdrawal_request()
    requester = get_user_display_name(users["editor"])

    page = sign_in(browser, live_demo, "leader")
    waiting = page.locator("section#withdrawals-to-decide-section")
    waiting.wait_for()
    assert TITLE in waiting.inner_text() and requester in waiting.inner_text()
    assert REASON[:10] in waiting.inner_text()
    page.screenshot(path=output_dir / "dashboard.png", full_page=True)

    page.goto(f"{live_demo.url}/admin/pages/{guide.pk}/edit/")
    notice = page.locator("a.moderation-withdrawal-notice")
    notice.wait_for()
    assert notice.is_visible() and "待您审核" in notice.inner_text()
    assert_on_one_line(notice)
    page.screenshot(path=output_dir / "editor.png")
    notice.click()
    page.wait_for_url("**/admin/moderation/withdrawals/*/")
    assert requester in page.locator("main").inner_text()
    page.locator('input[name="decision"][value="approve"]').check()
    page.get_by_role("button", name="提交审核结论").click()
    wait_until(page, lambda: not fresh(guide).live, what="the unpublishing")


def test_the_requesters_editor_shows_the_state(browser, live_demo, output_dir):
    guide, _users = published_guide_with_a_withdrawal_request()
    page = sign_in(browser, live_demo, "editor")
    assert page.locator("section#withdrawals-to-decide-section").count() == 0
    page.goto(f"{live_demo.url}/admin/pages/{guide.pk}/edit/")
    notice = page.locator(".moderation-withdrawal-notice")
    notice.wait_for()
    assert "待分管领导审核" in notice.inner_text()
    assert_on_one_line(notice)
    assert page.locator("a.moderation-withdrawal-notice").count() == 0
    page.screenshot(path=output_dir / "editor.png")
