"""An applicant applies in chromium, staff reply and issue the letter in the admin, the applicant
reads the result and downloads the letter."""

import datetime

import pytest
from captcha.models import CaptchaStore
from pypdf import PdfReader

from disclosure.applications.models import Application
from disclosure.applications.tests.factories import VALID_RESIDENT_ID

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def fill_date(page, selector, value):
    """Types a date and leaves the field, as a person does: the admin's calendar, open while
    the field has focus, would otherwise cover the button below it."""
    page.fill(selector, value)
    page.press(selector, "Tab")


def record(page):
    """Presses 记录 as the form would be sent: the admin's calendar, which stays open over the
    button on a slow run, would take a pointer's click."""
    with page.expect_navigation():
        page.get_by_role("button", name="记录", exact=True).dispatch_event("click")


def test_from_the_public_form_to_the_staff_reply_to_the_status_page(page, live_demo, output_dir):
    page.goto(live_demo.url + "/apply/")
    page.select_option("#id_organisation", label="友谊县友谊镇人民政府")
    page.select_option("#id_applicant_type", "natural")
    page.fill("#id_name", "周浏览")
    page.select_option("#id_id_type", "resident_id")
    page.fill("#id_id_number", VALID_RESIDENT_ID)
    page.fill("#id_phone", "13800000001")
    page.fill("#id_email", "zhou@example.invalid")
    page.fill("#id_description", "2023年友谊镇财政预算")
    page.select_option("#id_delivery_form", "email")
    hashkey = page.locator("input[name=captcha_0]").input_value()
    page.fill("input[name=captcha_1]", CaptchaStore.objects.get(hashkey=hashkey).response)
    page.get_by_role("button", name="提交申请", exact=True).click()
    tracking = page.locator("#tracking-number").inner_text()
    code = page.locator("#query-code").inner_text()
    page.screenshot(path=output_dir / "submitted.png", full_page=True)
    application = Application.objects.get(tracking_number=tracking)

    page.goto(live_demo.url + "/admin/login/")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "browser-test")
    page.click("button[type=submit]")
    page.wait_for_url(live_demo.url + "/admin/")
    today = datetime.date.today().isoformat()
    handle = f"{live_demo.url}/admin/applications_application/handle/{application.pk}/"
    page.goto(handle)
    page.select_option("select[name=action]", "accept")
    fill_date(page, "input[name=on]", today)
    record(page)
    page.select_option("select[name=action]", "reply")
    fill_date(page, "input[name=on]", today)
    page.select_option("select[name=outcome]", "granted")
    record(page)
    assert "已答复" in page.locator("#state").inner_text()
    page.screenshot(path=output_dir / "handled.png", full_page=True)
    page.get_by_role("link", name="修改并出具答复告知书").click()
    page.fill("textarea[name=text]", "经审查，予以公开。预算表见附件。")
    fill_date(page, "input[name=on]", today)
    page.get_by_role("button", name="出具告知书", exact=True).click()
    assert "已于" in page.locator("#letter-state").inner_text()

    page.goto(live_demo.url + "/apply/status/")
    page.fill("#id_tracking_number", tracking)
    page.fill("#id_query_code", code)
    page.get_by_role("button", name="查询", exact=True).click()
    assert page.locator("#state").inner_text() == "已答复"
    assert "予以公开" in page.locator("#outcome").inner_text()
    page.screenshot(path=output_dir / "status.png", full_page=True)
    with page.expect_download() as download:
        page.get_by_role("button", name="下载 PDF", exact=True).click()
    letter = PdfReader(download.value.path())
    assert "预算表见附件" in "".join(p.extract_text() for p in letter.pages)
