"""The editor fills the demo's 2023 report from the register with the visible button on the
edit view: the preview shows the filled tables and the rules' result, then saves a draft."""

import pytest
from wagtail.models import PageLogEntry

from disclosure.reports.filling.drafts import LOG_ACTION
from disclosure.reports.models import AnnualReportPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_editor_fills_tables_b_and_c_from_the_register(page, live_demo, output_dir):
    server = live_demo
    report = AnnualReportPage.objects.get(year=2023)

    page.goto(server.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "browser-test")
    page.click("button[type=submit]")
    page.wait_for_url(server.url + "/admin/")

    page.goto(f"{server.url}/admin/pages/{report.pk}/edit/")
    button = page.locator("[data-report-fill-actions] a", has_text="从登记簿填入表二、表三")
    assert button.is_visible()  # on the form itself, not in the closed "…" menu
    button.scroll_into_view_if_needed()
    page.screenshot(path=output_dir / "fill-button.png")
    button.click()

    page.wait_for_url(f"**/admin/reports/{report.pk}/fill/register/")
    result = page.locator("[data-fill-findings]")
    assert "填入后全部规则（R1–R9）均成立。" in result.inner_text()
    assert (
        page.locator(".report-table").count() == 2
    )  # Tables B and C as the public page draws them
    page.screenshot(path=output_dir / "fill-preview.png", full_page=False)
    assert not PageLogEntry.objects.filter(page=report, action=LOG_ACTION).exists()

    page.get_by_role("button", name="填入并保存草稿").click()
    page.wait_for_url(f"**/admin/pages/{report.pk}/edit/")
    assert "已保存为新的草稿版本" in page.locator(".messages").inner_text()
    page.goto("about:blank")  # leave the editor while the database is up
    assert PageLogEntry.objects.filter(page=report, action=LOG_ACTION).count() == 1
