"""A small township tree in Chinese, and a helper to translate pages through wagtail-localize."""

import pytest
from django.test import TestCase
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from disclosure.catalogue.models import (
    CategoryPage,
    DisclosureDocumentPage,
    DisclosureIndexPage,
    Organisation,
)


def publish(page, user=None):
    page.save_revision(user=user).publish(user=user)
    return Page.objects.get(pk=page.pk).specific


def translate(page, language_code="en", publish=True, user=None):
    """Translate `page` (and its untranslated parents) the way the translation editor does:
    a TranslationSource, then create_or_update_translation with the source strings."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    locale = Locale.objects.get(language_code=language_code)
    # wagtail-localize publishes on commit; the test's transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation, _created = source.create_or_update_translation(
            locale, publish=publish, copy_parent_pages=True, fallback=True, user=user
        )
    return Page.objects.get(pk=translation.pk).specific


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def township(home):
    organisation = Organisation.objects.create(
        name="测试镇人民政府", short_name="测试镇", code="1123052200432650XW"
    )
    root = DisclosureIndexPage(title="测试镇政府信息公开", slug="xxgk", organisation=organisation)
    home.add_child(instance=root)
    root = publish(root)
    column = CategoryPage(title="政策信息", slug="notices")
    root.add_child(instance=column)
    return {"organisation": organisation, "root": root, "column": publish(column)}


@pytest.fixture
def document(township):
    page = DisclosureDocumentPage(
        title="关于做好垃圾分类工作的通知",
        slug="waste",
        doc_number="友政发〔2022〕3号",
        summary="垃圾分类工作安排。",
        body=[("paragraph", "<p>各村（社区）：现将有关事项通知如下。</p>")],
    )
    township["column"].add_child(instance=page)
    return publish(page)
