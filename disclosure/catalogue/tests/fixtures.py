"""An organisation's tree with a column to put items in, for the tests of the catalogue and of
the apps that fill it (disclosure/imports): their conftest modules take these fixtures."""

import pytest

from .factories import (
    TEST_TOWNSHIP,
    CategoryPageFactory,
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
