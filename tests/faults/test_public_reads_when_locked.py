"""A busy database (another process holds SQLite's write lock) leaves the public site up.

Public GETs of content, search and the API only read; in WAL mode reads go on while another
connection writes. Any write in such a request would wait for the lock and fail: the test
holds the lock for real, and also checks that no statement that writes was even sent.
"""

import sqlite3
from contextlib import contextmanager

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from disclosure.catalogue.models import CategoryPage, DisclosureItemPage
from tests.demo_snapshot import load_committed_demo
from tests.fixtures import sqlite_only

pytestmark = sqlite_only

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "BEGIN")
# How long a request's connection waits for the lock here (20 s in the settings): a write
# fails within a second instead of hanging the test.
LOCK_WAIT_SECONDS = 1


@contextmanager
def write_lock_held_elsewhere():
    """Another connection to the same database file holds the write lock (BEGIN IMMEDIATE)."""
    other = sqlite3.connect(connection.settings_dict["NAME"], timeout=0, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


@contextmanager
def short_lock_wait():
    options = connection.settings_dict["OPTIONS"]
    saved = options.get("timeout")
    connection.close()
    options["timeout"] = LOCK_WAIT_SECONDS
    try:
        yield
    finally:
        connection.close()
        options["timeout"] = saved


def public_urls():
    column = Page.objects.live().type(CategoryPage).get(slug="budgets")
    item = Page.objects.live().child_of(column).type(DisclosureItemPage).first()
    if item is None:  # DisclosureItemPage is abstract: look for any concrete item type
        item = next(page for page in column.get_children().live().specific())
    return [
        column.url,
        item.url,
        "/search/?q=公开",
        "/search/autocomplete/?q=公开",
        "/api/v2/pages/?search=公开",
        # The rest of what the public reads.
        "/",
        column.get_parent().url,
        f"{column.url}rss/",
        "/sitemap.xml",
        "/api/v2/documents/",
        "/search/?q=没有这个词语",
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_public_gets_answer_while_another_process_holds_the_write_lock(client, celery_queue):
    assert connection.vendor == "sqlite"
    load_committed_demo(password="test-password")
    urls = public_urls()
    caches["pages"].clear()
    client.raise_request_exception = False
    with (
        short_lock_wait(),
        write_lock_held_elsewhere(),
        CaptureQueriesContext(connection) as queries,
    ):
        statuses = {url: client.get(url).status_code for url in urls}
    assert statuses == dict.fromkeys(urls, 200)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
    # The search was still counted: handed to the worker, which writes once the lock is free.
    assert ("search.record_search", ("公开",)) in celery_queue()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_application_form_renders_without_its_captcha_and_asks_to_retry(client):
    """The CAPTCHA is the one thing a public page stores; without the database it is left out
    and the visitor is told to reload, instead of a busy page or a 500."""
    from disclosure.catalogue.models import Organisation

    Organisation.objects.create(name="繁忙测试镇人民政府")
    client.raise_request_exception = False
    with short_lock_wait(), write_lock_held_elsewhere():
        response = client.get("/apply/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "暂时无法生成验证码" in page and 'name="description"' in page
    assert 'name="captcha_1"' not in page
    response = client.get("/apply/")
    assert 'name="captcha_1"' in response.content.decode()
