"""发布日期 is the day of first publication here, or a recorded earlier publication (the old
site's date in an import, the demo's dates): an editor cannot set one (伪造发稿日期)."""

import datetime

import pytest
from django.apps import apps
from django.utils import timezone

from disclosure.catalogue.models import (
    ITEM_PAGE_TYPES,
    DisclosureDocumentPage,
    PublicationDateSource,
)
from tests.factories import publish_fixture

from .factories import DisclosureDocumentPageFactory, day

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("label", ITEM_PAGE_TYPES)
def test_no_item_editor_form_takes_a_date(label):
    fields = apps.get_model(label).get_edit_handler().get_form_class().base_fields
    assert "written_on" in fields  # the metadata panel is there
    assert "published_on" not in fields
    assert "published_on_source" not in fields


def test_a_date_set_before_first_publication_gives_way_to_the_day_of_publication(category):
    page = DisclosureDocumentPageFactory(parent=category, live=False)
    page.published_on = day("2019-01-01")  # however it got there, it is not a recorded date
    page.save()
    publish_fixture(page)
    assert page.published_on == timezone.localdate()
    assert page.published_on_source == PublicationDateSource.FIRST_PUBLICATION


def test_an_earlier_publication_is_kept_with_where_it_came_from(category):
    page = DisclosureDocumentPage(title="旧通知", published_on=day("2020-05-06"), live=False)
    page.backdate_first_publication(PublicationDateSource.OLD_SITE)
    category.add_child(instance=page)
    publish_fixture(page)
    assert page.published_on == day("2020-05-06")
    assert page.published_on_source == PublicationDateSource.OLD_SITE
    assert timezone.localdate(page.first_published_at) == day("2020-05-06")


def test_a_copy_is_new_content_with_its_own_first_publication(category):
    old = DisclosureDocumentPageFactory(parent=category, published_on=day("2020-05-06"))
    assert old.published_on_source == PublicationDateSource.OLD_SITE
    copy = old.copy(update_attrs={"title": "复制的通知", "slug": "copied"}, keep_live=False)
    assert copy.published_on is None
    assert copy.published_on_source == PublicationDateSource.FIRST_PUBLICATION
    copy.first_published_at = None
    copy.save()
    publish_fixture(copy)
    assert copy.published_on == timezone.localdate()


def test_a_revision_published_later_keeps_the_first_date(category):
    page = DisclosureDocumentPageFactory(parent=category, published_on=day("2020-05-06"))
    page.title = "旧通知（修订）"
    publish_fixture(page)
    assert page.published_on == day("2020-05-06")
    assert page.published_on_source == PublicationDateSource.OLD_SITE
    assert page.first_published_at.date() <= datetime.date(2020, 5, 6)


def test_the_editor_says_when_the_date_is_set_before_first_publication(admin_client, category):
    page = DisclosureDocumentPageFactory(parent=category, live=False)
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "首次发布时自动记录" in html


def test_the_editor_says_an_imported_date_came_from_the_old_site(admin_client, category):
    page = DisclosureDocumentPageFactory(parent=category, published_on=day("2020-05-06"))
    assert page.published_on_source == PublicationDateSource.OLD_SITE
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "原网站发布日期（迁移导入），不能修改。" in html
    assert "首次发布时由系统记录" not in html
