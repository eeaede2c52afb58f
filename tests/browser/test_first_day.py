"""Issue 17: each role's first day in the browser — sign in, see their dashboard, do the main
task. The editor makes and submits an item; 初审, 保密审查 and 分管领导 each approve it at their
step from the dashboard (the leader from the editor, whose button reads 通过并发布); the handler
opens the application that is due first."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from disclosure.applications.models import Application
from disclosure.applications.tests.factories import applicant_fields
from disclosure.catalogue.models import DisclosureIndexPage, ServiceGuidePage
from disclosure.moderation.forms import SECRECY_CHECKLIST
from disclosure.moderation.tests.helpers import FULL_CHECKLIST, act, fresh

from .people import ensure_handler, fill_guide_elements, form_answer, sign_in, wait_until
from .review_items import TITLE, guides_column, submitted_guide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def panel(page, panel_id):
    """A dashboard panel: Wagtail's {% panel id=… %} renders <section id="…-section">."""
    return page.locator(f"section#{panel_id}-section")


def approve_from_dashboard(page, item, checks=()):
    """The 待我审核 panel's own buttons, as test_moderation_review.py presses them."""
    task_state = fresh(item).current_workflow_task_state
    waiting = panel(page, "awaiting-my-review")
    assert TITLE in waiting.inner_text() and "0 个工作日" in waiting.inner_text()
    buttons = page.locator(f'button[data-workflow-action-url$="/approve/{task_state.pk}/"]')
    buttons.first.dispatch_event("click")
    if checks:
        modal = page.locator(".modal-dialog form")
        modal.wait_for()
        for name in checks:
            modal.locator(f'input[name="{name}"]').check()
        with page.expect_navigation():
            modal.locator("button[type=submit]").click()
    wait_until(
        page,
        lambda: type(task_state).objects.get(pk=task_state.pk).status == "approved",
        what="the approval",
    )


def test_editors_first_day(browser, live_demo, output_dir):
    page = sign_in(browser, live_demo, "editor")
    for heading in ["退回给我修改的稿件", "我的草稿（尚未提交审核）", "主动公开时限"]:
        assert heading in page.locator("main").inner_text()
    page.screenshot(path=output_dir / "dashboard.png", full_page=True)

    column = guides_column()
    page.goto(f"{live_demo.url}/admin/pages/add/catalogue/serviceguidepage/{column.pk}/")
    page.fill("input[name=title]", TITLE)
    page.fill("input[name=item_name]", "老年人优待证办理")
    fill_guide_elements(page)
    with form_answer(page):
        page.locator('button[name="action-submit"]').first.dispatch_event("click")
    guide = ServiceGuidePage.objects.get(title=TITLE)
    assert guide.current_workflow_task.name == "初审"
    page.goto(live_demo.url + "/admin/")
    assert TITLE in page.locator("main").inner_text()  # 我正在审核中的稿件
    page.screenshot(path=output_dir / "submitted.png", full_page=True)


def test_reviewers_first_day(browser, live_demo, output_dir):
    guide = submitted_guide()
    page = sign_in(browser, live_demo, "reviewer")
    page.screenshot(path=output_dir / "dashboard.png", full_page=True)
    approve_from_dashboard(page, guide)
    assert fresh(guide).current_workflow_task.name == "保密审查"


def test_secrecy_reviewers_first_day(browser, live_demo, output_dir):
    guide = submitted_guide()
    act(guide, get_user_model().objects.get(username="reviewer"), "approve")
    page = sign_in(browser, live_demo, "secrecy")
    assert "保密审查" in panel(page, "awaiting-my-review").inner_text()
    page.screenshot(path=output_dir / "dashboard.png", full_page=True)
    approve_from_dashboard(page, guide, checks=[name for name, _statement in SECRECY_CHECKLIST])
    assert fresh(guide).current_workflow_task.name == "终审"


def test_leaders_first_day(browser, live_demo, output_dir):
    guide = submitted_guide()
    users = get_user_model().objects
    act(guide, users.get(username="reviewer"), "approve")
    act(guide, users.get(username="secrecy"), "approve", **FULL_CHECKLIST)
    page = sign_in(browser, live_demo, "leader")
    waiting = panel(page, "awaiting-my-review")
    assert TITLE in waiting.inner_text() and "终审" in waiting.inner_text()
    page.screenshot(path=output_dir / "dashboard.png", full_page=True)

    waiting.get_by_role("link", name=TITLE).first.click()
    page.wait_for_url(re.compile(rf".*/admin/pages/{guide.pk}/edit/$"))
    approve = page.locator(
        'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    )
    assert approve.first.inner_text().strip() == "通过并发布"
    approve.first.dispatch_event("click")
    wait_until(page, lambda: fresh(guide).live, what="the publication")
    page.screenshot(path=output_dir / "published.png", full_page=True)


def test_handlers_first_day(browser, live_demo, output_dir):
    handler = ensure_handler()
    township = DisclosureIndexPage.objects.get(slug="xxgk").organisation
    late, _code = Application.register(
        user=handler,
        organisation=township,
        channel="paper",
        **applicant_fields(
            delivery_form="paper",
            email="",
            received_on=timezone.localdate() - datetime.timedelta(days=60),
        ),
    )
    page = sign_in(browser, live_demo, "handler")
    deadlines = panel(page, "application-deadlines")
    row = deadlines.locator("tr", has_text=late.tracking_number)
    assert "application-overdue" in row.get_attribute("class")
    assert re.search(r"已逾期 \d+ 个工作日", row.inner_text())
    page.screenshot(path=output_dir / "dashboard.png", full_page=True)

    row.get_by_role("link", name=late.tracking_number).click()
    page.wait_for_url(re.compile(rf".*/handle/{late.pk}/$"))
    assert late.tracking_number in page.locator("main").inner_text()
    page.screenshot(path=output_dir / "application.png", full_page=True)
