"""Issue 17: every admin screen each role reaches, in zh-hans, shows no English interface text.

Each demo account signs in with chromium (zh-CN) and opens, breadth-first from the dashboard —
whose menu and panels link to everything the role has — up to MAX_SCREENS admin screens (at
most two of each kind: /admin/pages/12/edit/ and /admin/pages/40/edit/ are one kind), plus the
editor of one page of every type and a form sent back with validation errors. Every text node
and every placeholder, title, aria-label and alt (a screen reader reads those) is checked for
Latin-letter words.

Allowed (gongkai/languages/admin_words.py): file formats (PDF, XLSX…), abbreviations Chinese
interfaces use as they are (ID, URL, API), units, the English language's own name in language
choosers, the authenticator apps' names and codes such as R5. Wagtail is *not* allowed: its
name is the framework's, not the offices' product. Content is not interface: words of the demo's
own data (usernames, slugs, tracking numbers, file names, page titles) are taken from the
database, and what people type (form fields, the rich-text editor) is not read.
"""

import pytest
from wagtail.models import Page

from disclosure.catalogue.models import DisclosureIndexPage
from gongkai.languages.admin_words import latin_words

from .admin_walk import INTERFACE_TEXT, demo_content_words, walk
from .people import ensure_handler, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.backend_independent,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ROLES = ["editor", "reviewer", "secrecy", "leader", "handler", "admin"]
MAX_SCREENS = 45


def login_screen_texts(browser, server):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(server.url + "/admin/login/")
    texts = page.evaluate(INTERFACE_TEXT)
    context.close()
    return texts


def one_editor_of_each_page_type():
    """The edit screen of one page of every type (each type has its own form)."""
    seen, paths = set(), []
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        if page.content_type_id not in seen:
            seen.add(page.content_type_id)
            paths.append(f"/admin/pages/{page.pk}/edit/")
    return paths


def validation_error_texts(page, server):
    """A new 办事指南 sent empty: Wagtail's banner, the field errors, the tab counts."""
    column = DisclosureIndexPage.objects.get(slug="xxgk").get_children().get(slug="service-guides")
    page.goto(f"{server.url}/admin/pages/add/catalogue/serviceguidepage/{column.pk}/")
    page.locator('button[name="action-submit"]').first.dispatch_event("click")
    page.wait_for_selector(".messages .error, .help-critical, .error-message")
    return page.evaluate(INTERFACE_TEXT)


def english_on(path, texts, allowed):
    return [(path, text[:120], words) for text in texts if (words := latin_words(text, allowed))]


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_speaks_chinese(browser, live_demo, role, output_dir):
    ensure_handler()
    allowed = demo_content_words()
    found = english_on("/admin/login/", login_screen_texts(browser, live_demo), allowed)
    page = sign_in(browser, live_demo, role)
    start = ["/admin/"] + (one_editor_of_each_page_type() if role in {"editor", "admin"} else [])
    opened = []
    for path, texts in walk(page, live_demo.url, start, MAX_SCREENS):
        opened.append(path)
        found += english_on(path, texts, allowed)
    if role == "editor":
        found += english_on("（校验错误）", validation_error_texts(page, live_demo), allowed)
        page.screenshot(path=output_dir / "validation-errors.png", full_page=True)
    page.context.close()
    assert len(opened) >= (4 if role == "handler" else 15), opened
    assert found == [], "\n".join(f"{path}: {text!r} {words}" for path, text, words in found)
