"""A small township tree in Chinese to translate (helpers.py translates it)."""

import pytest
from wagtail.models import Site

from disclosure.catalogue.tests.factories import (
    TEST_TOWNSHIP,
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
    OrganisationFactory,
)


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def township(home):
    organisation = OrganisationFactory(**TEST_TOWNSHIP)
    root = DisclosureIndexPageFactory(
        parent=home, organisation=organisation, title="测试镇政府信息公开", slug="xxgk"
    )
    column = CategoryPageFactory(parent=root, title="政策信息", slug="notices")
    return {"organisation": organisation, "root": root, "column": column}


@pytest.fixture
def document(township):
    return DisclosureDocumentPageFactory(
        parent=township["column"],
        title="关于做好垃圾分类工作的通知",
        slug="waste",
        doc_number="友政发〔2022〕3号",
        summary="垃圾分类工作安排。",
        body=[("paragraph", "<p>各村（社区）：现将有关事项通知如下。</p>")],
    )
