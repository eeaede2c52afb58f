"""The reconcile finds live pages the search index missed and indexes them again."""

import contextlib

import pytest
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from disclosure.catalogue.models import CategoryPage
from disclosure.catalogue.tests.factories import CategoryPageFactory
from disclosure.moderation.tests.offices import build_office
from gongkai.celery import app as celery_app
from gongkai.models import OutboxMessage
from gongkai.tasks import run_django_task
from search.attachments import pages_linking
from search.models import SearchIndexStamp
from search.reconcile import reconcile, stale_pages
from search.tasks import extract_attachment_text, reconcile_search_index
from search.tests.factories import docx_bytes, item_with_attachment
from tests.factories import DocumentFactory, publish_fixture


@pytest.fixture
def office(db):
    return build_office()


@pytest.fixture
def lost_index_updates(settings):
    """Index updates go to the outbox and from there to a broker no worker reads; the test
    then deletes them: the messages are lost."""
    settings.TASKS = {"default": {"BACKEND": "gongkai.tasks_backend.CeleryBackend"}}
    celery_app.conf.task_always_eager = False
    yield lambda: OutboxMessage.objects.all().delete()
    celery_app.conf.task_always_eager = True
    celery_app.control.purge()


def found(word):
    return {page.pk for page in get_search_backend().search(word, CategoryPage)}


def publish_new(office, title):
    return CategoryPageFactory(
        parent=office["columns"][0], title=title, revised_by=office["users"]["admin"]
    )


def test_a_lost_index_update_is_repaired_by_the_reconcile(office, lost_index_updates):
    page = publish_new(office, "Zebracrossing 通知")
    lost_index_updates()
    assert page.pk not in found("Zebracrossing")
    assert page.pk in set(stale_pages().values_list("pk", flat=True))

    assert page.pk in reconcile_search_index.apply().get()
    assert page.pk in found("Zebracrossing")
    stamp = SearchIndexStamp.objects.get(page_id=page.pk)
    assert stamp.revision_id == Page.objects.get(pk=page.pk).live_revision_id
    assert page.pk not in reconcile()  # nothing left to do


def test_an_index_entry_older_than_the_live_revision_is_refreshed(office, lost_index_updates):
    page = publish_new(office, "Zebracrossing 通知")
    lost_index_updates()
    reconcile()
    page = CategoryPage.objects.get(pk=page.pk)
    page.title = "Quokkacrossing 通知"
    publish_fixture(page, user=office["users"]["admin"])
    lost_index_updates()
    assert page.pk not in found("Quokkacrossing")

    assert page.pk in reconcile()
    assert page.pk in found("Quokkacrossing")
    assert page.pk not in found("Zebracrossing")


def test_a_missing_index_entry_is_restored(office, lost_index_updates):
    page = publish_new(office, "Zebracrossing 通知")
    lost_index_updates()
    reconcile()
    IndexEntry.objects.filter(object_id=str(page.pk), content_type_id=page.content_type_id).delete()
    assert page.pk not in found("Zebracrossing")
    assert page.pk in reconcile()
    assert page.pk in found("Zebracrossing")


def test_an_index_update_run_by_the_worker_stamps_the_page(office, lost_index_updates):
    page = publish_new(office, "Zebracrossing 通知")
    lost_index_updates()
    run_django_task(
        "modelsearch.tasks.insert_or_update_object_task", ["catalogue", "categorypage", page.pk], {}
    )
    assert page.pk in found("Zebracrossing")
    assert page.pk not in reconcile()


def test_the_reconcile_works_in_batches(office, lost_index_updates):
    reconcile()  # the office's own pages
    pages = [publish_new(office, f"Zebracrossing {n}") for n in range(3)]
    lost_index_updates()
    first = reconcile(limit=2)
    assert len(first) == 2
    rest = reconcile(limit=2)
    assert set(first) | set(rest) == {p.pk for p in pages}


class IndexDown(Exception):
    pass


def test_attachment_text_whose_index_update_failed_is_repaired_by_the_reconcile(
    office, lost_index_updates, monkeypatch, django_capture_on_commit_callbacks
):
    """The stamp names the live revision, which a new attachment text does not change: the
    extraction must leave the linking pages to the reconcile until their update has run."""
    with django_capture_on_commit_callbacks(execute=False):  # no extraction yet
        document = DocumentFactory(
            title="名单", file__data=docx_bytes("Quokkafund 补助对象", "-"), file__filename="a.docx"
        )
    page = item_with_attachment(office["columns"][0], document)
    ReferenceIndex.create_or_update_for_object(page)  # the worker's part of publishing
    assert page.pk in set(pages_linking(document).values_list("pk", flat=True))
    reconcile()
    assert page.pk not in set(stale_pages().values_list("pk", flat=True))

    def index_down(*args, **kwargs):
        raise IndexDown

    backend = type(get_search_backend())
    with monkeypatch.context() as broken:
        broken.setattr(backend, "add", index_down)
        broken.setattr(backend, "add_bulk", index_down)
        with contextlib.suppress(IndexDown):  # a task that fails is not retried
            extract_attachment_text(document.pk)
        lost_index_updates()
    assert page.pk not in {row.pk for row in get_search_backend().search("Quokkafund", Page)}

    assert page.pk in reconcile()
    assert page.pk in {row.pk for row in get_search_backend().search("Quokkafund", Page)}
