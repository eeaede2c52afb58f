"""Fixtures for catalogue tests: an organisation's tree with a column to put items in."""

import pytest

from .factories import (
    TEST_TOWNSHIP,
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
    OrganisationFactory,
)


@pytest.fixture
def organisation(db):
    return OrganisationFactory(**TEST_TOWNSHIP)


@pytest.fixture
def disclosure_root(organisation):
    return DisclosureIndexPageFactory(
        organisation=organisation, title="测试镇政府信息公开", slug="xxgk"
    )


@pytest.fixture
def category(disclosure_root):
    return CategoryPageFactory(parent=disclosure_root, title="政策信息", slug="notices")


@pytest.fixture
def make_document(category):
    def make(title="关于做好垃圾分类工作的通知", parent=None, **fields):
        return DisclosureDocumentPageFactory(parent=parent or category, title=title, **fields)

    return make
