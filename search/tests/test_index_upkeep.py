"""Every writer of the search index stamps what it indexed (search/reconcile.py), and the 指南's
reindex after its organisation or a column changes is an outbox row of the change's commit."""

import json

import pytest
from wagtail.models import Page

from disclosure.catalogue.index_numbers import index_number_written
from disclosure.catalogue.models import DisclosureDocumentPage
from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureGuidePageFactory,
)
from disclosure.catalogue.tests.fixtures import category, disclosure_root, organisation
from disclosure.imports import importer
from disclosure.imports.tests.factories import record
from gongkai.models import OutboxMessage
from search import indexing
from search.models import SearchIndexStamp
from search.reconcile import reconcile

__all__ = ["category", "disclosure_root", "organisation"]

pytestmark = pytest.mark.django_db

BULK_INDEX_TASK = f"{indexing.__name__}.index_pages_task"


def found(word):
    return {hit.pk for hit in Page.objects.live().search(word)}


def test_imported_pages_are_stamped_and_the_reconcile_indexes_none_of_them_again(category):
    reconcile()  # the organisation's own pages, published by the fixtures
    lines = [json.dumps(record(n), ensure_ascii=False) for n in range(1, 6)]

    summary = importer.import_documents(lines)

    assert len(summary.created) == 5
    imported = list(DisclosureDocumentPage.objects.child_of(category).live())
    assert len(imported) == 5
    stamps = dict(
        SearchIndexStamp.objects.filter(page_id__in=[p.pk for p in imported]).values_list(
            "page_id", "revision_id"
        )
    )
    assert stamps == {page.pk: page.live_revision_id for page in imported}
    assert reconcile() == []


def test_a_failed_bulk_index_leaves_the_pages_to_the_reconcile(category, monkeypatch):
    reconcile()
    page = CategoryPageFactory(parent=category, title="Zebracrossing 通知")
    SearchIndexStamp.objects.filter(page_id=page.pk).delete()

    def refuse(self, model, objects):
        raise ConnectionError("engine down")

    monkeypatch.setattr(type(indexing.search_backends()[0][1]), "add_bulk", refuse)
    with pytest.raises(ConnectionError):
        indexing.index_pages("catalogue", "categorypage", [page.pk])
    assert not SearchIndexStamp.objects.filter(page_id=page.pk).exists()
    monkeypatch.undo()
    assert reconcile() == [page.pk]


@pytest.fixture
def guide(organisation, disclosure_root, category):
    organisation.address = "测试县站前街1号"
    organisation.save()
    return DisclosureGuidePageFactory(parent=disclosure_root, title="测试镇政府信息公开指南")


@pytest.fixture
def index_updates_through_the_outbox(settings):
    """django-tasks as in production: each enqueue is an outbox row (Celery stays eager)."""
    settings.TASKS = {"default": {"BACKEND": "gongkai.tasks_backend.CeleryBackend"}}


def guide_rows(guide):
    return [
        row
        for row in OutboxMessage.objects.filter(task="gongkai.run_django_task")
        if row.args[0] == BULK_INDEX_TASK and guide.pk in row.args[1][2]
    ]


def test_an_organisation_change_reaches_the_guide_s_index_entry_through_the_outbox(
    guide, organisation, index_updates_through_the_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        organisation.address = "测试县迎宾路2号"
        organisation.save()
        # Written in the change's transaction: a process that dies after the commit leaves
        # the row to the relay (gongkai/outbox.py), nothing is lost.
        assert len(guide_rows(guide)) == 1
        assert guide.pk not in found("迎宾路")

    assert guide.pk in found("迎宾路")
    assert guide.pk not in found("站前街")
    assert all(row.delivered_at for row in guide_rows(guide))
    stamp = SearchIndexStamp.objects.get(page_id=guide.pk)
    assert stamp.revision_id == Page.objects.get(pk=guide.pk).live_revision_id


def test_a_column_published_reaches_the_guide_s_index_entry_through_the_outbox(
    guide, category, index_updates_through_the_outbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        CategoryPageFactory(parent=category, title="征地拆迁公示", slug="land")
        assert len(guide_rows(guide)) == 1

    assert guide.pk in found("征地拆迁公示")


def test_a_guide_update_rolled_back_with_its_change_leaves_no_row(
    guide, organisation, index_updates_through_the_outbox
):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        organisation.address = "测试县迎宾路2号"
        organisation.save()
        raise RuntimeError
    assert guide_rows(guide) == []


PAGE_UPDATE_TASK = "modelsearch.tasks.insert_or_update_object_task"


def page_update_rows(page):
    """The outbox rows of modelsearch's per-page update of `page` (a save's, or the number's)."""
    return [
        row
        for row in OutboxMessage.objects.filter(task="gongkai.run_django_task")
        if row.args[0] == PAGE_UPDATE_TASK and row.args[1][2] == str(page.pk)
    ]


def test_a_new_index_number_queues_the_item_s_reindex_unless_deferred(
    category, index_updates_through_the_outbox
):
    """The number is written past post_save (catalogue/index_numbers.py): the catalogue
    announces it and search queues the reindex, or leaves it to a caller indexing in batches."""
    page = DisclosureDocumentPageFactory(parent=category, title="关于秋季防火的通知")
    assert page.index_number
    OutboxMessage.objects.all().delete()

    index_number_written.send(sender=type(page), instance=page)
    assert len(page_update_rows(page)) == 1

    OutboxMessage.objects.all().delete()
    with indexing.index_updates_deferred([DisclosureDocumentPage]):
        index_number_written.send(sender=type(page), instance=page)
    assert page_update_rows(page) == []


def test_inside_index_updates_deferred_saves_queue_no_update_and_after_it_they_do(
    category, index_updates_through_the_outbox
):
    with indexing.index_updates_deferred([DisclosureDocumentPage]):
        page = DisclosureDocumentPageFactory(parent=category, title="关于冬季供暖的通知")
    assert page.index_number  # numbered at its publication, inside the block
    assert page_update_rows(page) == []

    page.save()  # modelsearch's receiver is connected again
    assert len(page_update_rows(page)) == 1
