"""A submission refused, in chromium with Wagtail 8's autosave on. For a forbidden word
(review/submission.py): the editor sees one answer, the refusal that says the draft was saved,
and nothing that says the page was created or updated as if it had gone to review; the saved
draft leaves no "unsaved changes" behind. For a validation error: once autosave has saved the
refused form as a draft, the message says so instead of 未能创建."""

import re

import pytest
from playwright.sync_api import expect

from disclosure.catalogue.models import (
    DisclosureDocumentPage,
    DisclosureIndexPage,
    ServiceGuidePage,
)
from disclosure.moderation.models import SensitiveWord

from .people import fill_guide_elements, form_answer, sign_in, wait_until

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_refused_submission_shows_the_refusal_as_the_one_truth(browser, live_demo):
    SensitiveWord.objects.create(pattern="绝密", category="涉密", level="error")
    column = DisclosureIndexPage.objects.get(slug="xxgk").get_children().get(slug="service-guides")
    title = "绝密：老年人优待证办理"
    page = sign_in(browser, live_demo, "editor")
    page.goto(f"{live_demo.url}/admin/pages/add/catalogue/serviceguidepage/{column.pk}/")
    page.fill("input[name=title]", title)
    page.fill("input[name=item_name]", title)
    page.fill("input[name=fees]", "不收费")
    fill_guide_elements(page)
    with form_answer(page):
        page.evaluate("document.querySelector('footer button[name=action-submit]').click()")
    page.wait_for_load_state("networkidle")
    wait_until(page, lambda: ServiceGuidePage.objects.filter(title=title).exists())
    assert not ServiceGuidePage.objects.get(title=title).workflow_in_progress

    shown = page.locator(".messages li")
    expect(shown).to_have_count(1)
    expect(shown).to_contain_text("未能提交审核（已保存为草稿）")
    main = page.locator("body").inner_text()
    assert "已创建" not in main and "已被更新" not in main
    # Nothing typed is pending: leaving the page asks nothing.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_demo.url}/admin/")
    assert dialogs == []


def test_a_new_item_refused_for_a_missing_body_says_its_draft_was_saved(browser, live_demo):
    notices = DisclosureIndexPage.objects.get(slug="xxgk").get_children().get(slug="notices")
    title = "关于开展秋季森林防火检查的通知"
    page = sign_in(browser, live_demo, "editor")
    page.goto(f"{live_demo.url}/admin/pages/add/catalogue/disclosuredocumentpage/{notices.pk}/")
    page.fill("input[name=title]", title)
    page.locator('button[name="action-submit"]').first.dispatch_event("click")
    page.wait_for_load_state("load")

    # The refused form comes back with what was typed, and autosave saves it as a draft (the
    # required 正文 left for later): the item exists, and the form now edits it.
    wait_until(page, lambda: DisclosureDocumentPage.objects.filter(title=title).exists())
    expect(page).to_have_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    message = page.locator(".messages li.error")
    expect(message).to_contain_text("已自动保存为草稿，但尚未提交：页面有校验错误")
    expect(message).not_to_contain_text("未能创建")
    expect(message).to_contain_text("错误在“内容”标签页中。")
    draft = DisclosureDocumentPage.objects.get(title=title)
    assert not draft.live and not draft.workflow_in_progress
