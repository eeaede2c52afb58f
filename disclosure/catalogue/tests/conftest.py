"""Builders for catalogue tests: an organisation's tree with a column to put items in."""

import datetime

import pytest
from wagtail.models import Page, Site

from disclosure.catalogue.models import CategoryPage, DisclosureIndexPage, Organisation
from disclosure.moderation.publication import sanctioned_publication

TOWNSHIP_CODE = "1123052200432650XW"


def publish(page):
    # A fixture, not a review (tests/fixtures.py): test_import runs with the review invariant on.
    with sanctioned_publication("test fixture"):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def add_item(parent, page):
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(
        name="测试镇人民政府", short_name="测试镇", code=TOWNSHIP_CODE
    )


@pytest.fixture
def disclosure_root(organisation):
    home = Site.objects.get(is_default_site=True).root_page
    root = DisclosureIndexPage(title="测试镇政府信息公开", slug="xxgk", organisation=organisation)
    home.add_child(instance=root)
    return publish(root)


@pytest.fixture
def category(disclosure_root):
    column = CategoryPage(title="政策信息", slug="notices")
    disclosure_root.add_child(instance=column)
    return publish(column)


@pytest.fixture
def make_document(category):
    from disclosure.catalogue.models import DisclosureDocumentPage

    def make(title="关于做好垃圾分类工作的通知", parent=None, **fields):
        fields.setdefault("body", [("paragraph", "<p>正文。</p>")])
        return add_item(parent or category, DisclosureDocumentPage(title=title, **fields))

    return make


def day(text):
    return datetime.date.fromisoformat(text)


__all__ = ["Page", "add_item", "day", "publish"]
