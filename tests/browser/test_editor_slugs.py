"""Issue 17 in the browser: an abandoned, autosaved first attempt does not block making the item
again, and an error on a tab other than the open one is shown on it."""

import re

import pytest
from wagtail.models import Page

from disclosure.catalogue.models import DisclosureIndexPage, ServiceGuidePage

from .people import fill_guide_elements, form_answer, sign_in, wait_until

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLE = "老年人优待证办理指南"
SLUG = "lao-nian-ren-you-dai-zheng-ban-li-zhi-nan"


def guides_column():
    root = DisclosureIndexPage.objects.get(slug="xxgk")
    return root.get_children().get(slug="service-guides")


def start_service_guide(page, server, column):
    page.goto(f"{server.url}/admin/pages/add/catalogue/serviceguidepage/{column.pk}/")
    # Wagtail takes the form's starting state two seconds after it loads (what differs from it
    # is autosaved); people take longer than that to start typing.
    page.wait_for_timeout(2500)
    # Typed key by key, as people do: Wagtail copies the (Chinese) title into the slug.
    page.locator("input[name=title]").press_sequentially(TITLE)
    page.fill("input[name=item_name]", "老年人优待证办理")
    fill_guide_elements(page)


def guides_titled(title):
    return ServiceGuidePage.objects.filter(title=title)


def test_create_abandon_recreate(browser, live_demo, output_dir):
    column = guides_column()
    page = sign_in(browser, live_demo, "editor")
    start_service_guide(page, live_demo, column)
    # Autosave makes the draft in the background; the editor then closes the window.
    wait_until(page, lambda: guides_titled(TITLE).exists())
    page.context.close()
    assert guides_titled(TITLE).get().slug == SLUG

    page = sign_in(browser, live_demo, "editor")
    start_service_guide(page, live_demo, column)
    # This attempt is autosaved too, and the form then goes on as the new draft's editor.
    # A function, not an expression: Playwright evals an expression in the page, which the
    # admin's Content-Security-Policy (no 'unsafe-eval') refuses.
    page.wait_for_function(
        "() => document.getElementById('page-edit-form').action.includes('/edit/')"
    )
    with form_answer(page):
        page.locator('button[name="action-submit"]').first.dispatch_event("click")
    page.screenshot(path=output_dir / "recreated.png", full_page=True)
    wait_until(page, lambda: guides_titled(TITLE).filter(slug=f"{SLUG}-2").exists())
    recreated = guides_titled(TITLE).get(slug=f"{SLUG}-2")
    assert Page.objects.get(pk=recreated.pk).workflow_in_progress
    assert not page.locator(".messages .error").count()
    # The notice names the abandoned draft that holds the address, with a link to delete it.
    notice = page.locator(".messages", has_text="您之前未提交的草稿")
    abandoned = guides_titled(TITLE).get(slug=SLUG)
    assert (
        notice.get_by_role("link", name="删除那份草稿")
        .get_attribute("href")
        .startswith(f"/admin/pages/{abandoned.pk}/delete/")
    )


def test_an_error_on_a_hidden_tab_is_shown_on_it(browser, live_demo, output_dir):
    column = guides_column()
    item, sibling = column.get_children().live().specific()[:2]
    page = sign_in(browser, live_demo, "editor")
    page.goto(f"{live_demo.url}/admin/pages/{item.pk}/edit/")
    # A published item keeps its address unless the editor changes it: taking a sibling's
    # slug on the 推荐 tab is an error there, while the editor looks at the 内容 tab.
    page.locator("input[name=slug]").evaluate(
        "(field, slug) => { field.value = slug; }", sibling.slug
    )
    page.locator("button.action-save").first.dispatch_event("click")
    page.wait_for_load_state("load")
    page.wait_for_selector("[data-tabs-with-errors]")
    page.screenshot(path=output_dir / "error-on-promote-tab.png", full_page=True)

    promote = page.get_by_role("tab", name=re.compile("推荐"))
    assert promote.get_attribute("aria-selected") == "true"
    assert "1" in promote.inner_text()
    message = page.locator(".messages .error").inner_text()
    assert "页面有校验错误，未能保存。" in message and "错误在“推荐”标签页中。" in message
    assert f"缩略名“{sibling.slug}”已被同一上级页面下的其他页面使用。" in page.content()


def test_block_errors_are_counted_on_their_tab(browser, live_demo):
    """Wagtail counted each tab's errors before the StreamField drew its own: a 公开信息 sent
    without its 正文 showed the error, but no count on 内容."""
    notices = DisclosureIndexPage.objects.get(slug="xxgk").get_children().get(slug="notices")
    page = sign_in(browser, live_demo, "editor")
    page.goto(f"{live_demo.url}/admin/pages/add/catalogue/disclosuredocumentpage/{notices.pk}/")
    page.fill("input[name=title]", "关于开展食品安全检查的通知")
    page.locator('button[name="action-submit"]').first.dispatch_event("click")
    page.wait_for_load_state("load")
    page.wait_for_selector("[data-tabs-with-errors]")
    content = page.get_by_role("tab", name=re.compile("内容"))
    assert content.get_attribute("aria-selected") == "true"
    assert "1 处错误" in content.inner_text()
    assert "错误在“内容”标签页中。" in page.locator(".messages .error").inner_text()


def test_a_refused_schedule_opens_its_dialog(browser, live_demo, output_dir):
    """The go-live and expiry fields are in a dialog opened from the status side panel, in no
    tab: an expiry before the go-live refused the save with nothing shown below the message
    but a small mark on the side panel's icon."""
    item = guides_column().get_children().live().first()
    page = sign_in(browser, live_demo, "editor")
    page.goto(f"{live_demo.url}/admin/pages/{item.pk}/edit/")
    page.locator("input[name=go_live_at]").evaluate(
        "field => { field.value = '2031-05-10 09:00'; }"
    )
    page.locator("input[name=expire_at]").evaluate("field => { field.value = '2031-05-01 09:00'; }")
    page.locator("button.action-save").first.dispatch_event("click")
    page.wait_for_load_state("load")
    page.wait_for_selector("[data-tabs-with-errors]")
    page.screenshot(path=output_dir / "error-in-schedule.png", full_page=True)

    message = page.locator(".messages .error").inner_text()
    assert "发布计划有误，已打开“设置发布计划”对话框，请在其中修改。" in message
    assert "标签页中" not in message  # no tab holds an error
    dialog = page.locator("#schedule-publishing-dialog")
    assert dialog.get_attribute("aria-hidden") is None
    assert dialog.get_by_text("发布日期/时间必须早于过期日期/时间").first.is_visible()
