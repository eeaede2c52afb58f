"""A submission refused for a forbidden word (review/submission.py), in chromium with Wagtail 8's
autosave on: the editor sees one answer, the refusal that says the draft was saved, and nothing
that says the page was created or updated as if it had gone to review; the saved draft leaves
no "unsaved changes" behind."""

import pytest

from disclosure.catalogue.models import DisclosureIndexPage, ServiceGuidePage
from disclosure.moderation.models import SensitiveWord

from .people import fill_guide_elements, sign_in, wait_until

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
    page.evaluate("document.querySelector('footer button[name=action-submit]').click()")
    page.wait_for_url("**/admin/pages/*/edit/**")
    page.wait_for_load_state("networkidle")
    wait_until(page, lambda: ServiceGuidePage.objects.filter(title=title).exists())
    assert not ServiceGuidePage.objects.get(title=title).workflow_in_progress

    shown = page.locator(".messages li").all_inner_texts()
    assert len(shown) == 1 and "未能提交审核（已保存为草稿）" in shown[0], shown
    main = page.locator("body").inner_text()
    assert "已创建" not in main and "已被更新" not in main
    # Nothing typed is pending: leaving the page asks nothing.
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(f"{live_demo.url}/admin/")
    assert dialogs == []
