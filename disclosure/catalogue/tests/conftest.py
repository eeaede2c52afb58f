"""Fixtures for catalogue tests: an organisation's tree with a column to put items in
(fixtures.py, shared with the import tests), and items in that column."""

import pytest

from .factories import DisclosureDocumentPageFactory
from .fixtures import category, disclosure_root, organisation

__all__ = ["category", "disclosure_root", "organisation"]


@pytest.fixture
def make_document(category):
    def make(title="关于做好垃圾分类工作的通知", parent=None, **fields):
        return DisclosureDocumentPageFactory(parent=parent or category, title=title, **fields)

    return make
