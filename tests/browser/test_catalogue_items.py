"""A reader opens each catalogue item type of the demo in a real browser."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ITEM_TYPES = [
    ("机构职能", "友谊镇人民政府机构职能", "领导信息"),
    ("预算决算", "友谊镇人民政府2022年部门预算", "一般公共预算支出"),
    ("办事指南", "城乡居民最低生活保障申请办事指南", "申请材料"),
    ("便民服务事项清单", "友谊镇便民服务事项清单（2022年版）", "下载清单"),
    ("规范性文件", "友谊镇生活垃圾分类工作实施方案", "政策解读"),
    ("政策信息", "友谊镇开展食品安全专项检查的通知", "食品安全"),
]


def test_each_item_type_opens_from_its_column(page, live_demo, output_dir):
    for column, title, marker in ITEM_TYPES:
        page.goto(live_demo.url + "/xxgk/")
        page.get_by_role("link", name=column, exact=True).first.click()
        page.get_by_role("link", name=title, exact=True).first.click()
        assert page.locator("h1").inner_text() == title
        metadata = page.locator("table.item-metadata").inner_text()
        assert "1123052200432650XW/" in metadata and "友谊县友谊镇人民政府" in metadata
        assert marker in page.locator("main").inner_text()
        page.screenshot(path=output_dir / f"{column}.png", full_page=True)


def test_abolished_document_shows_banner_and_filters_without_javascript(
    browser, live_demo, output_dir
):
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_demo.url + "/xxgk/policies/")
    page.select_option("select[name=validity]", "valid")
    page.get_by_role("button", name="筛选").click()
    assert "validity=valid" in page.url
    assert "友谊镇燃气安全管理暂行办法" not in page.locator("main").inner_text()
    page.goto(live_demo.url + "/xxgk/policies/?validity=abolished")
    page.get_by_role("link", name="友谊镇燃气安全管理暂行办法").click()
    assert "本文件已废止" in page.locator(".validity-banner").inner_text()
    page.screenshot(path=output_dir / "abolished.png", full_page=True)
    # The banner leads to the rules that replaced it (the county's).
    page.locator(".validity-banner").get_by_role("link", name="友谊县城镇燃气安全管理办法").click()
    assert "/county-office/policies/" in page.url
    assert page.locator("h1").inner_text() == "友谊县城镇燃气安全管理办法"
    context.close()
