"""One create form, one item, however the editor clicks (gongkai/create_once.py) — in chromium.

A 信息员 on a slow township connection double-clicks 保存草稿, or clicks 提交 again while the first
request is still on its way. The create form must make exactly one draft, and a submission
exactly one workflow. The editor's walk-through (issue 17) checked it by hand; this keeps it."""

import pytest

from disclosure.catalogue.models import DisclosureIndexPage, ServiceGuidePage

from .people import fill_guide_elements, form_posts, sign_in, wait_until

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Three clicks within 150 ms, dispatched in the page: faster than Playwright's own clicks,
# which wait for the button to be stable and the dropdown to stay open.
CLICK_THREE_TIMES = """(selector) => {
  const button = document.querySelector(selector);
  button.click();
  setTimeout(() => button.click(), 40);
  setTimeout(() => button.click(), 150);
}"""


def open_new_guide(browser, server, title):
    root = DisclosureIndexPage.objects.get(slug="xxgk")
    column = root.get_children().get(slug="service-guides")
    page = sign_in(browser, server, "editor")
    page.goto(f"{server.url}/admin/pages/add/catalogue/serviceguidepage/{column.pk}/")
    page.fill("input[name=title]", title)
    page.fill("input[name=item_name]", title)
    page.fill("input[name=fees]", "不收费")
    fill_guide_elements(page)
    return page


def settle(page):
    page.wait_for_url("**/admin/pages/**")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # a late second request would land by now


def test_double_click_on_save_draft_makes_one_draft(browser, live_demo):
    title = "双击保存草稿测试"
    page = open_new_guide(browser, live_demo, title)
    page.dblclick("footer button.action-save", no_wait_after=True)
    settle(page)
    wait_until(page, lambda: ServiceGuidePage.objects.filter(title=title).exists())
    assert ServiceGuidePage.objects.filter(title=title).count() == 1


@pytest.mark.parametrize(
    "button", ["footer button.action-save", "footer button[name=action-submit]"]
)
def test_rapid_clicks_make_one_item(browser, live_demo, button):
    title = "连击测试" + ("提交" if "submit" in button else "保存")
    page = open_new_guide(browser, live_demo, title)
    page.evaluate(CLICK_THREE_TIMES, button)
    settle(page)
    wait_until(page, lambda: ServiceGuidePage.objects.filter(title=title).exists())
    made = ServiceGuidePage.objects.filter(title=title)
    assert made.count() == 1
    if "submit" in button:
        assert made.get().workflow_states.count() == 1


def test_the_edit_form_goes_out_once_however_often_it_is_sent(browser, live_demo):
    """Wagtail's scripts send the edit form through form.submit() (its dialogs, workflow
    actions); submit_once.js is placed before the form, so it wraps it once the page is read."""
    page = sign_in(browser, live_demo, "editor")
    guide = ServiceGuidePage.objects.filter(live=True).first()
    edit_url = f"{live_demo.url}/admin/pages/{guide.pk}/edit/"
    page.goto(edit_url)
    page.wait_for_load_state("networkidle")
    posts = form_posts(page, edit_url)
    page.evaluate(
        """() => {
          const form = document.querySelector('form[data-edit-form]');
          form.submit();
          setTimeout(() => form.submit(), 40);
          setTimeout(() => form.submit(), 150);
        }"""
    )
    settle(page)
    assert len(posts) == 1
