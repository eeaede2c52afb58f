"""Annual report (disclosure/reports) as an editor types it: an inconsistent Table B is
refused on submission, with the error shown next to the cell it concerns."""

import re

import pytest

from disclosure.reports.models import AnnualReportPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "browser-test"


def test_editor_sees_the_table_b_error_next_to_its_cell(page, live_demo, output_dir):
    server = live_demo
    report = AnnualReportPage.objects.get(year=2023)
    table_b = report.table_values()["table_b"]
    published = table_b["new"]["natural"]
    typed = published + 3

    page.goto(server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")

    page.goto(f"{server.url}/admin/pages/{report.pk}/edit/")
    new_natural = page.get_by_label("一、本年新收政府信息公开申请数量 · 自然人", exact=True)
    new_natural.fill(str(typed))  # 一 + 二 no longer equals 三（七） + 四
    # The submit item sits in the closed drop-up of the action menu: click it as the menu would.
    page.locator('button[name="action-submit"]').first.dispatch_event("click")
    page.wait_for_load_state()

    total_cell = page.locator("td").filter(has=page.get_by_label("（七）总计 · 自然人", exact=True))
    left = typed + table_b["carried_in"]["natural"]
    total_cell.get_by_text(re.compile(f"第一项 \\+ 第二项 = {left}")).wait_for()
    total_cell.scroll_into_view_if_needed()
    page.screenshot(path=output_dir / "table-b-error.png")
    assert "两者应相等" in total_cell.inner_text()
    # The row the editor typed into carries no error; the report was not submitted for review
    # (what was typed may be kept as a draft: a draft may be inconsistent).
    assert "两者应相等" not in page.locator("td").filter(has=new_natural).inner_text()
    page.goto(
        "about:blank"
    )  # leave the editor (it releases its editing session) while the db is up
    report.refresh_from_db()
    assert not report.workflow_in_progress
    assert report.live_revision.as_object().table_values()["table_b"]["new"]["natural"] == published
