"""A person opens the portal and the admin login in a real browser."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_home_page_in_chromium(page, live_demo, output_dir):
    page.goto(live_demo.url + "/")
    assert page.locator("h1").inner_text() == "友谊县友谊镇人民政府"
    assert page.get_by_role("link", name="办事指南").first.is_visible()
    assert "友谊县站前街137号" in page.locator("footer").inner_text()
    page.screenshot(path=output_dir / "home.png", full_page=True)


def test_admin_login_in_chromium(page, live_demo, output_dir):
    page.goto(live_demo.url + "/admin/login/")
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", "browser-test")
    page.screenshot(path=output_dir / "admin-login.png")
    page.click("button[type=submit]")
    page.wait_for_url(live_demo.url + "/admin/")
    assert "仪表板" in page.content() or "控制面板" in page.content()
    page.screenshot(path=output_dir / "admin-dashboard.png")
