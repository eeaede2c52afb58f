"""The translation editor of a live disclosure translation, as chromium renders it: its primary
action submits for review, 转换成页面别名, which the review guard refuses there, is not in
its menu, and its unpublish link is 申请撤稿 (disclosure/moderation/patches/translation_review.py
and its template). The template changes the React editor's props before the editor reads them;
only a browser shows it did."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from tests.demo_snapshot import load_committed_demo

from .people import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_live_translation_offers_review_and_withdrawal_and_no_conversion_to_an_alias(
    browser, transactional_db, live_server, output_dir
):
    load_committed_demo(password="browser-test", english=True)
    english = (
        Page.objects.filter(locale=Locale.objects.get(language_code="en"), live=True)
        .filter(alias_of__isnull=True, depth__gt=4)
        .order_by("path")
        .last()
    )
    page = sign_in(browser, live_server, "admin")
    page.goto(f"{live_server.url}/admin/pages/{english.pk}/edit/")
    editor = page.locator(".js-translation-editor")
    editor.locator("button:has-text('提交审核：English')").wait_for()
    page.screenshot(path=output_dir / "translation-editor-actions.png", full_page=True)
    # The editor's menu is rendered (停止同步翻译 is in it), without 转换成页面别名.
    assert editor.locator(":text('停止同步翻译')").count() == 1
    assert editor.locator(":text('转换成页面别名')").count() == 0
    # Taken down only through a 撤稿申请: the unpublish link is 申请撤稿, to its form.
    withdrawal = editor.locator("a:has-text('申请撤稿')")
    assert withdrawal.count() == 1
    assert withdrawal.get_attribute("href") == reverse(
        "moderation:request_withdrawal", args=[english.pk]
    )
    page.context.close()
