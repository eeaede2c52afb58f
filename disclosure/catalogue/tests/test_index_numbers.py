import pytest

from disclosure.catalogue.index_numbers import assign_index_number
from disclosure.catalogue.models import IndexNumberCounter
from tests.factories import publish_fixture, publishing_as_fixture

from .factories import TOWNSHIP_CODE, DisclosureDocumentPageFactory, day

pytestmark = pytest.mark.django_db


def test_first_publication_assigns_number_and_date(make_document):
    first = make_document(published_on=day("2024-03-01"))
    second = make_document(title="第二份", published_on=day("2024-05-01"))
    assert first.index_number == f"{TOWNSHIP_CODE}/2024-00001"
    assert second.index_number == f"{TOWNSHIP_CODE}/2024-00002"


def test_blank_publication_date_becomes_first_publication_day(make_document):
    page = make_document()
    assert page.published_on is not None
    assert page.index_number.endswith(f"/{page.published_on.year}-00001")


def test_republishing_keeps_the_number_and_date(make_document):
    page = make_document(published_on=day("2023-06-01"))
    number = page.index_number
    page.title = "修改后的标题"
    publish_fixture(page)
    old_revision = page.revisions.order_by("created_at").first()
    with publishing_as_fixture():
        old_revision.publish()
    page.refresh_from_db()
    assert page.index_number == number
    assert page.published_on == day("2023-06-01")


def test_drafts_have_no_number(category):
    draft = DisclosureDocumentPageFactory(parent=category, title="草稿", live=False)
    draft.refresh_from_db()
    assert draft.index_number is None


def test_numbers_are_never_reused_after_deletion(make_document):
    make_document(published_on=day("2024-01-02")).delete()
    page = make_document(title="新文件", published_on=day("2024-01-03"))
    assert page.index_number.endswith("/2024-00002")


def test_each_year_and_organisation_counts_alone(make_document, organisation):
    make_document(published_on=day("2023-12-31"))
    page = make_document(title="次年", published_on=day("2024-01-01"))
    assert page.index_number.endswith("/2024-00001")
    assert IndexNumberCounter.objects.filter(organisation=organisation).count() == 2


def test_copies_do_not_inherit_the_number(make_document, category):
    page = make_document()
    draft_copy = page.copy(keep_live=False, update_attrs={"slug": "copy", "title": "副本"})
    assert draft_copy.specific.index_number is None
    with publishing_as_fixture():  # a live copy is published outside review
        live_copy = page.copy(update_attrs={"slug": "copy2", "title": "副本二"})
    assert live_copy.specific.index_number.endswith("-00002")


def test_custom_pattern(make_document, organisation):
    organisation.index_pattern = "{code}-{year}-{serial:04d}"
    organisation.save()
    page = make_document(published_on=day("2022-09-09"))
    assert page.index_number == f"{TOWNSHIP_CODE}-2022-0001"


def test_assign_is_idempotent(make_document):
    page = make_document()
    assert assign_index_number(page) == page.index_number
    assert IndexNumberCounter.objects.get().last_serial == 1
