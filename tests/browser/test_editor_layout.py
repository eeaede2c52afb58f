"""Issue 17's layout findings in chromium: the review-state badge of the editor's header stays on
one line at 1366 px (F4), and an action of the footer menu that opens a dialog closes the menu,
which at 768 px covered the dialog (F7)."""

import re

import pytest

from disclosure.reports.models import AnnualReportPage

from .people import sign_in
from .review_items import submitted_guide

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_review_state_badge_stays_on_one_line_at_1366(browser, live_demo, output_dir):
    report = AnnualReportPage.objects.live().order_by("-pk").first()
    page = sign_in(browser, live_demo, "editor")
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{live_demo.url}/admin/pages/{report.pk}/edit/")
    badge = page.locator(".moderation-state .w-status").first
    badge.wait_for()
    page.screenshot(path=output_dir / "header.png")
    box = badge.bounding_box()
    line = badge.evaluate("element => parseFloat(getComputedStyle(element).lineHeight)")
    assert box["height"] < 2 * line, f"the badge wraps: {box}"


def test_the_action_menu_closes_when_its_dialog_opens_at_768(browser, live_demo, output_dir):
    guide = submitted_guide()
    page = sign_in(browser, live_demo, "reviewer")
    page.set_viewport_size({"width": 768, "height": 1000})
    page.goto(f"{live_demo.url}/admin/pages/{guide.pk}/edit/")
    footer = page.locator("footer .w-dropdown-button, .footer .w-dropdown-button").first
    footer.locator(".w-dropdown__toggle").click()
    send_back = page.locator('button[data-workflow-action-name="reject"]').first
    send_back.wait_for(state="visible")
    send_back.click()
    page.locator(".modal-dialog form").wait_for()
    menu = page.locator('[data-w-dropdown-target="content"]').filter(has=send_back).first
    menu.wait_for(state="hidden", timeout=5000)
    page.screenshot(path=output_dir / "dialog.png")
    assert re.search("退回", page.locator(".modal-dialog").inner_text())
