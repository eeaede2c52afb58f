"""Issue 17: wagtail-localize's translation editor speaks Chinese to a zh-hans user too.

The try-out found its banner and its dates ("30 November 2026") in English. The walk of
test_chinese_admin.py does not reach it (the demo it loads has no translations), so here the
demo is loaded with its English versions and chromium opens the translation editor of each,
as the township's editor and as the administrator. English the translators typed is content,
not interface: the words of every translation (and of the Chinese sources) are allowed.
"""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation

from gongkai.languages.admin_words import latin_words
from tests.demo_snapshot import load_committed_demo

from .admin_walk import INTERFACE_TEXT, content_words, demo_content_words
from .people import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def live_demo_in_two_languages(transactional_db, live_server):
    load_committed_demo(password="browser-test", english=True)
    return live_server


def translated_pages(username):
    """The English pages `username` may edit (the township's editor: its own organisation's)."""
    user = get_user_model().objects.get(username=username)
    pages = Page.objects.filter(locale=Locale.objects.get(language_code="en")).order_by("path")
    return [page for page in pages if page.permissions_for_user(user).can_edit()]


def translation_words():
    return content_words(*StringTranslation.objects.values_list("data", flat=True))


@pytest.mark.parametrize("role", ["editor", "admin"])
def test_the_translation_editor_speaks_chinese(
    browser, live_demo_in_two_languages, role, output_dir
):
    server = live_demo_in_two_languages
    pages = translated_pages(role)
    assert pages
    allowed = demo_content_words() | translation_words()
    page = sign_in(browser, server, role)
    found, opened = [], []
    for translated in pages:
        # A translated page's editor is wagtail-localize's React app.
        page.goto(f"{server.url}/admin/pages/{translated.pk}/edit/")
        page.wait_for_selector(".js-translation-editor :text('翻译：简体中文 → English')")
        texts = page.evaluate(INTERFACE_TEXT)
        opened.append(page.url)
        assert any("翻译于" in text for text in texts)  # the date of each translated string
        for text in texts:
            if words := latin_words(text, allowed):
                found.append((page.url, text[:120], words))
    page.screenshot(path=output_dir / "translation-editor.png", full_page=True)
    page.context.close()
    assert len(opened) == len(pages)
    assert found == [], "\n".join(f"{url}: {text!r} {words}" for url, text, words in found)
