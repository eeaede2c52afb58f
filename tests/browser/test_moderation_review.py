"""Moderation (disclosure/moderation) as people click it: draft, submit, send back, fix,
three approvals, live."""

import pytest

from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage

from .people import form_answer

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test"


def log_in(page, server, username):
    """Each person signs in at a browser of their own (a fresh context), as at their own desk:
    the previous person's last click, still following its redirect, can neither interrupt
    this sign-in nor change its cookies. Returns the new person's page."""
    context = page.context.browser.new_context(
        locale="zh-CN", viewport={"width": 1280, "height": 900}
    )
    page = context.new_page()
    page.goto(server.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")
    return page


def press(page, selector):
    """Menu items may sit in the closed drop-up of the action menu: click them as the menu would."""
    page.locator(selector).first.dispatch_event("click")


def wait_until(page, condition, seconds=30):
    for _attempt in range(seconds * 5):
        if condition():
            return
        page.wait_for_timeout(200)
    raise AssertionError("the review step did not happen in the browser")


def workflow_action(page, server, item, action, fields=None, checks=()):
    """Act from the dashboard's “awaiting your review” panel, as reviewers do."""
    task_state = CategoryPage.objects.get(pk=item.pk).current_workflow_task_state
    page.goto(server.url + "/admin/")
    press(page, f'button[data-workflow-action-url$="/{action}/{task_state.pk}/"]')
    if fields or checks:
        modal = page.locator(".modal-dialog form")
        modal.wait_for()
        for name, value in (fields or {}).items():
            modal.locator(f'[name="{name}"]').fill(value)
        for name in checks:
            modal.locator(f'input[name="{name}"]').check()
        # The modal's form posts and the browser follows the redirect: wait for it, or the next
        # step's navigation is interrupted by this one.
        with page.expect_navigation():
            modal.locator("button[type=submit]").click()
    wait_until(page, lambda: type(task_state).objects.get(pk=task_state.pk).status != "in_progress")


def test_an_item_goes_through_review_and_goes_live(page, live_demo, output_dir):
    from disclosure.moderation.forms import SECRECY_CHECKLIST

    server = live_demo
    root = DisclosureIndexPage.objects.get(slug="xxgk")
    column = root.get_children().get(slug="service-guides")

    page = log_in(page, server, "editor")
    page.goto(f"{server.url}/admin/pages/add/catalogue/categorypage/{column.pk}/")
    page.fill("input[name=title]", "老年人优待证办理指南")
    # The slug field sits on the hidden 推广 tab; set it as its sync from the title would.
    page.locator("input[name=slug]").evaluate("field => { field.value = 'youdaizheng'; }")
    with form_answer(page):
        press(page, 'button[name="action-submit"]')
    page.screenshot(path=output_dir / "submitted.png", full_page=True)
    item = CategoryPage.objects.get(title="老年人优待证办理指南")
    assert item.workflow_in_progress

    page = log_in(page, server, "reviewer")
    workflow_action(page, server, item, "reject", fields={"comment": "请写明办理地点。"})
    item.refresh_from_db()
    assert item.current_workflow_state.status == "needs_changes"

    page = log_in(page, server, "editor")
    page.goto(f"{server.url}/admin/pages/{item.pk}/edit/")
    page.fill("input[name=title]", "老年人优待证办理指南（镇便民服务中心）")
    press(page, 'button[name="action-submit"]')  # labelled as a resubmission
    wait_until(page, lambda: CategoryPage.objects.get(pk=item.pk).workflow_in_progress)

    page = log_in(page, server, "reviewer")
    workflow_action(page, server, item, "approve")
    page = log_in(page, server, "secrecy")
    workflow_action(
        page, server, item, "approve", checks=[name for name, _statement in SECRECY_CHECKLIST]
    )
    page = log_in(page, server, "leader")
    workflow_action(page, server, item, "approve")

    item = CategoryPage.objects.get(pk=item.pk)
    assert item.live
    page.context.clear_cookies()
    # A new tab: the leader's last click may still be following its redirect in the old one.
    page = page.context.new_page()
    page.goto(server.url + item.url)
    assert "老年人优待证办理指南（镇便民服务中心）" in page.locator("h1").inner_text()
    page.screenshot(path=output_dir / "published.png", full_page=True)
