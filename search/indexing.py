"""Batch index updates: many pages of one type in one task, stamped as the reconcile expects.

The per-page updates are Wagtail's and modelsearch's (stamped through
`gongkai.tasks.django_task_ran`, search/signals.py). This task is the one for batches: an import
indexes its documents once, in batches (disclosure/imports/importer.py), and a 指南 whose
organisation or columns changed is indexed again (search/guide_index.py). Enqueued as a
django-task, it is an outbox row of the enqueuing transaction (gongkai/tasks_backend.py).
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db.models.signals import post_save
from django_tasks import task
from modelcluster.models import get_all_child_relations
from modelsearch import signal_handlers as modelsearch_signals
from modelsearch.index import get_search_backends_with_name
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from disclosure.catalogue.models import DisclosureItemPage
from disclosure.catalogue.roots import disclosure_roots_of
from search.reconcile import stamp_pages

logger = logging.getLogger(__name__)

# Set inside index_updates_deferred(): the caller indexes what it writes itself, in batches.
_deferred = ContextVar("index_updates_deferred", default=False)


@contextmanager
def index_updates_deferred(models):
    """Inside this block, saving or numbering a page of `models` queues no search- or
    reference-index update of its own: the caller promises to index each page once, in
    batches (`queue_index_update`). Saving, revising and publishing a page saves it three
    times, each save queues its own update, and the index number queues one more; an import
    of thousands of documents (disclosure/imports/importer.py) indexes each once instead.

    modelsearch connects its post_save receiver per model; it is disconnected for the block
    (for the process, as modelsearch offers no other switch) and connected again after, for
    the models whose search_auto_update is on, as modelsearch connected it: recorded with the
    source of modelsearch's registration in search/overrides.py."""
    models = list(models)
    for model in models:
        post_save.disconnect(modelsearch_signals.post_save_signal_handler, sender=model)
    token = _deferred.set(True)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        _deferred.reset(token)
        for model in models:
            if getattr(model, "search_auto_update", True):
                post_save.connect(modelsearch_signals.post_save_signal_handler, sender=model)


def updates_deferred():
    """Whether the current code runs inside index_updates_deferred()."""
    return _deferred.get()


def search_backends():
    """[(name, backend)] of the backends an index update writes to."""
    return list(get_search_backends_with_name(with_auto_update=True))


def queue_index_update(model, pks):
    """Ask for the search- and reference-index update of these pages of `model`, as a row of
    the current transaction (run after its commit, never if it rolls back)."""
    if pks:
        index_pages_task.enqueue(model._meta.app_label, model._meta.model_name, list(pks))


@task()
def index_pages_task(app_label, model_name, pks):
    index_pages(app_label, model_name, pks)


def index_pages(app_label, model_name, pks):
    """Search- and reference-index updates for many pages of one type: what modelsearch's and
    Wagtail's per-object tasks do, with one query for the pages and one bulk add per engine.
    The pages are stamped once every engine took them; a failure leaves them to the reconcile."""
    model = apps.get_model(app_label, model_name)
    # Both indexes read every child relation of every page (the reference index, and search
    # for the documents a page links): one query per relation for all pages.
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    pages = list(
        model.get_indexed_objects()
        .filter(pk__in=pks)
        .select_related("locale")  # each page is read in its language (in_its_language)
        .prefetch_related(*relations)
    )
    remember_disclosure_roots(pages)
    complete = True
    for name, backend in search_backends():
        try:
            backend.add_bulk(model, pages)
        except Exception:
            # As modelsearch does: an external engine being down must not fail the import.
            logger.exception("Indexing %d %s pages in '%s' failed", len(pages), model_name, name)
            if not backend.catch_indexing_errors:
                raise
            complete = False
    if complete:
        stamp_pages(model, pks, indexed=pages)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)


def remember_disclosure_roots(pages):
    """Each item's disclosure root (with its organisation), read for all of them in one query:
    the search document of an item carries its organisation's name, which an item alone finds
    with a tree query of its own."""
    items = [page for page in pages if isinstance(page, DisclosureItemPage)]
    for page, root in zip(items, disclosure_roots_of(items), strict=True):
        page.__dict__["disclosure_root"] = root
