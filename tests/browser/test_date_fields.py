"""A date typed in the admin stays as typed. Wagtail's date picker used to rewrite a date that
does not exist when the field lost focus (2024-02-30 became 2024-03-01, 2026-13-45 became
today), so a typing error was saved as a plausible date nobody wrote; now the field keeps the
text and the server refuses it on the field. Picking from the calendar still fills the field, and
the calendar shows the month of the date being typed."""

import re

import pytest
from playwright.sync_api import expect

from disclosure.catalogue.models import DisclosureDocumentPage, DisclosureIndexPage

from .people import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def open_new_notice(browser, server):
    notices = DisclosureIndexPage.objects.get(slug="xxgk").get_children().get(slug="notices")
    page = sign_in(browser, server, "editor")
    page.goto(f"{server.url}/admin/pages/add/catalogue/disclosuredocumentpage/{notices.pk}/")
    page.wait_for_load_state("networkidle")
    return page


def test_a_date_that_does_not_exist_is_kept_and_refused(browser, live_demo):
    page = open_new_notice(browser, live_demo)
    title = "关于调整农村低保标准的通知"
    page.fill("input[name=title]", title)
    written_on = page.locator("input[name=written_on]")
    for typed in ("2026-13-45", "2024-02-30"):
        written_on.fill(typed)
        written_on.press("Tab")
        expect(written_on).to_have_value(typed)

    page.click("footer button.action-save")
    page.wait_for_load_state("networkidle")
    field = page.locator("[data-field-wrapper]", has=page.locator("input[name=written_on]"))
    expect(field).to_contain_text("输入一个有效的日期。")
    expect(page.locator("input[name=written_on]")).to_have_value("2024-02-30")
    assert not DisclosureDocumentPage.objects.filter(title=title, written_on__isnull=False).exists()


def test_the_calendar_still_fills_the_field(browser, live_demo):
    page = open_new_notice(browser, live_demo)
    written_on = page.locator("input[name=written_on]")
    written_on.click()
    calendar = page.locator(".xdsoft_datetimepicker:visible")
    calendar.locator("td.xdsoft_date:not(.xdsoft_other_month)[data-date='15']").click()
    expect(written_on).to_have_value(re.compile(r"^\d{4}-\d{2}-15$"))


def test_the_calendar_follows_the_typed_date(browser, live_demo):
    """The calendar read the field once as it opened: with "2" typed by then it showed January
    1902, and a day clicked there was saved as 1902."""
    page = open_new_notice(browser, live_demo)
    written_on = page.locator("input[name=written_on]")
    written_on.click()
    written_on.press_sequentially("2026-11-25", delay=80)
    calendar = page.locator(".xdsoft_datetimepicker:visible")
    expect(calendar.locator(".xdsoft_label span")).to_have_text(["十一月", "2026"])
    calendar.locator("td.xdsoft_date:not(.xdsoft_other_month)[data-date='20']").click()
    expect(written_on).to_have_value("2026-11-20")
