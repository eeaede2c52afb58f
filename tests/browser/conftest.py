"""Playwright driving Debian's chromium against Django's live test server."""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings

from tests.demo_snapshot import load_committed_demo

from .chromium import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (make system-deps)")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
    # fixtures around it are still synchronous and safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from django.db import connections
    from playwright.sync_api import sync_playwright

    migrated_state = getattr(connections["default"], "_test_serialized_contents", None)
    with sync_playwright() as playwright:
        # Playwright switches this thread to a new context, where Django opens a new
        # connection object. Give it the migrated state (roles, site, home page) that
        # transactional tests restore after each flush, as the first connection had.
        if migrated_state is not None:
            connections["default"]._test_serialized_contents = migrated_state
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def csp_violations(context):
    """What chromium refused under the Content-Security-Policy in the context's open pages (an
    inline script or event handler, a script or picture from elsewhere), as it logged it."""
    return [
        message.text
        for page in context.pages
        for message in page.console_messages()
        if "Content Security Policy" in message.text
    ]


def closed_within_the_policy(context):
    refused = csp_violations(context)
    context.close()
    assert refused == [], "refused under the Content-Security-Policy"


@pytest.fixture(autouse=True)
def close_every_context(browser):
    """Close the contexts a test opened (people signing in open their own): an admin page left
    open keeps pinging the live server, whose thread then logs a traceback while later tests
    run. Python 3.11.7 shares the AST builder's recursion counter between threads, so that
    traceback's caret parsing can break an `ast.parse` in the main thread (SystemError)."""
    yield
    refused = [text for context in list(browser.contexts) for text in csp_violations(context)]
    for context in list(browser.contexts):
        context.close()
    assert refused == [], "refused under the Content-Security-Policy"


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    closed_within_the_policy(context)


@pytest.fixture
def output_dir(request):
    """The test's own output folder for screenshots."""
    folder = Path(settings.BASE_DIR) / "test-results" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def live_demo(transactional_db, live_server):
    load_committed_demo(password="browser-test")
    return live_server
