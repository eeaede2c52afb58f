"""An editor whose session ends while she edits loses nothing (signed_out_editor.js).

A township editor typed into an item's edit form, her session ended in another tab, the form gave
no warning, 保存草稿 sent her to the login page and the edit page she came back to had lost her
text. Now the editing-session ping that finds the session gone shows a warning and the form sends
nothing; and a save that went out anyway leaves a copy that the edit page offers back."""

import pytest
from django.contrib.auth import get_user_model

from disclosure.catalogue.models import ServiceGuidePage
from disclosure.moderation.tests.helpers import fresh

from .people import PASSWORD, form_posts, sign_in, wait_until
from .review_items import guides_column

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TYPED = "凭身份证原件办理，不收取任何费用（登录失效测试）"
WARNING = "登录已失效"


def draft_guide():
    editor = get_user_model().objects.get(username="editor")
    guide = ServiceGuidePage(
        title="退役军人优待证办理指南", item_name="优待证", owner=editor, live=False
    )
    guides_column().add_child(instance=guide)
    guide.save_revision(user=editor)
    return fresh(guide)


def latest(guide):
    return fresh(guide).get_latest_revision_as_object()


def latest_fees(guide):
    return latest(guide).fees


def open_editor_and_sign_out(browser, server, autosaved_first=""):
    guide = draft_guide()
    page = sign_in(browser, server, "editor")
    page.goto(f"{server.url}/admin/pages/{guide.pk}/edit/")
    page.wait_for_load_state("networkidle")
    # Wagtail takes the form's starting state two seconds after it loads (what differs from it
    # is autosaved); people take longer than that to start typing.
    page.wait_for_timeout(2500)
    if autosaved_first:  # Wagtail's autosave made a revision of its own while she was signed in
        page.fill("input[name=item_name]", autosaved_first)
        wait_until(page, lambda: latest(guide).item_name == autosaved_first, what="the autosave")
    page.context.clear_cookies(name="sessionid")  # logged out elsewhere, or the cookie dropped
    page.fill("input[name=fees]", TYPED)
    return guide, page


def come_back_to_the_tab(page):
    """What the browser tells the page when its tab is shown again: Wagtail pings at once."""
    page.evaluate("document.dispatchEvent(new Event('visibilitychange'))")


def log_in_on(page):
    page.fill("input[name=username]", "editor")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def test_the_ping_warns_and_the_form_sends_nothing_until_she_signs_in_again(browser, live_demo):
    guide, page = open_editor_and_sign_out(browser, live_demo)
    edit_url = page.url
    come_back_to_the_tab(page)
    warning = page.get_by_role("alert").filter(has_text=WARNING)
    warning.wait_for(timeout=15000)
    login_link = warning.get_by_role("link")
    assert login_link.get_attribute("target") == "_blank"

    page.click("footer button.action-save")
    page.wait_for_timeout(1500)
    assert page.url == edit_url, "the save went out while signed out"
    assert page.input_value("input[name=fees]") == TYPED

    # She signs in again in the new tab the warning opens; the edit tab finds out at its next ping.
    with page.context.expect_page() as login_tab:
        login_link.click()
    log_in_on(login_tab.value)
    login_tab.value.wait_for_url(live_demo.url + "/admin/")
    come_back_to_the_tab(page)
    warning.wait_for(state="detached", timeout=30000)

    # The login rotated the CSRF token: the edit tab uses the new one and the save goes through.
    page.click("footer button.action-save")
    wait_until(page, lambda: latest_fees(guide) == TYPED, what="the draft with her text")


def test_a_save_sent_while_signed_out_is_offered_back_after_signing_in(browser, live_demo):
    guide, page = open_editor_and_sign_out(browser, live_demo, autosaved_first="退役军人优待证")
    edit_url = page.url
    # Between two pings: nothing has told the page yet.
    page.click("footer button.action-save")
    page.wait_for_url("**/admin/login/**")
    log_in_on(page)
    page.wait_for_url(edit_url)
    assert page.input_value("input[name=fees]") != TYPED  # what the server has

    page.get_by_role("button", name="恢复未保存的内容").click()
    wait_until(page, lambda: latest_fees(guide) == TYPED, what="the restored draft")
    page.wait_for_load_state("networkidle")
    assert page.input_value("input[name=fees]") == TYPED
    assert latest(guide).item_name == "退役军人优待证"
    # Saved: the copy is not offered again.
    page.reload()
    assert page.get_by_role("button", name="恢复未保存的内容").count() == 0


def test_a_form_held_back_while_signed_out_goes_out_once_after_signing_in(browser, live_demo):
    """Wagtail's scripts send the form through form.submit(): signed_out_editor.js holds it back
    while she is signed out, and submit_once.js (whose guard sits inside) must not count that as
    sent; once she has signed in again, three quick sends make one POST."""
    guide, page = open_editor_and_sign_out(browser, live_demo)
    edit_url = page.url
    come_back_to_the_tab(page)
    warning = page.get_by_role("alert").filter(has_text=WARNING)
    warning.wait_for(timeout=15000)
    posts = form_posts(page, edit_url)
    page.evaluate("document.querySelector('form[data-edit-form]').submit()")
    page.wait_for_timeout(1500)
    assert posts == [] and page.url == edit_url

    with page.context.expect_page() as login_tab:
        warning.get_by_role("link").click()
    log_in_on(login_tab.value)
    login_tab.value.wait_for_url(live_demo.url + "/admin/")
    come_back_to_the_tab(page)
    warning.wait_for(state="detached", timeout=30000)

    page.evaluate(
        """() => {
          const form = document.querySelector('form[data-edit-form]');
          form.submit();
          setTimeout(() => form.submit(), 40);
          setTimeout(() => form.submit(), 150);
        }"""
    )
    wait_until(page, lambda: latest_fees(guide) == TYPED, what="the draft with her text")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)  # a late second request would land by now
    assert posts == [edit_url]
