"""Find live pages the search index has missed and index them again.

An index update can fail without anyone noticing: modelsearch logs a backend's error and moves
on, a message can be lost with a broker. Each index update that runs through the worker stamps
the page with the live revision it indexed (SearchIndexStamp): modelsearch's per-page task
through `stamp_indexed` (search/signals.py), the batch task of search/indexing.py through
`stamp_pages`. The reconcile (Celery beat)
re-indexes live pages that have no stamp or a stamp older than their live revision, and, on
the database backends, pages stamped as indexed whose index entry is gone. A new attachment
text leaves the live revision as it was: the extraction drops the stamps of the pages linking
the document and queues their batch update (search/tasks.py), which stamps them again.
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast, Coalesce
from modelsearch import index
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from search.models import SearchIndexStamp

logger = logging.getLogger(__name__)


def stamp(page, in_index=True):
    SearchIndexStamp.objects.update_or_create(
        page_id=page.pk, defaults={"revision_id": page.live_revision_id, "in_index": in_index}
    )


def stamp_pages(model, pks, indexed):
    """After a batch index update of pages `pks` of `model`, of which `indexed` went into the
    index: stamp the live ones, in one statement."""
    indexed_pks = {page.pk for page in indexed}
    live = model.objects.filter(pk__in=pks, live=True).values_list("pk", "live_revision_id")
    SearchIndexStamp.objects.bulk_create(
        [
            SearchIndexStamp(page_id=pk, revision_id=revision_id, in_index=pk in indexed_pks)
            for pk, revision_id in live
        ],
        update_conflicts=True,
        unique_fields=["page"],
        update_fields=["revision_id", "in_index", "indexed_at"],
    )


def stamp_indexed(app_label, model_name, pk):
    """After modelsearch's index update of one object: stamp it if it is a live page."""
    model = apps.get_model(app_label, model_name)
    if not issubclass(model, Page):
        return
    page = model.objects.filter(pk=pk, live=True).first()
    if page is not None:
        stamp(page, in_index=index.get_indexed_instance(page) is not None)


def uses_index_entries(backend=None):
    """True for the database backends, whose entries live in modelsearch's IndexEntry table."""
    backend = backend or get_search_backend()
    return any(
        cls.__module__.startswith("modelsearch.backends.database") for cls in type(backend).__mro__
    )


def stale_pages():
    """Live pages whose last stamp is missing or not their live revision."""
    # Pages published without a revision (the tree's root, fixtures) compare as revision 0.
    current = SearchIndexStamp.objects.annotate(revision=Coalesce("revision_id", 0)).filter(
        page_id=OuterRef("pk"), revision=Coalesce(OuterRef("live_revision_id"), 0)
    )
    return Page.objects.live().exclude(Exists(current))


def pages_missing_entries():
    """Live pages stamped as indexed that have no index entry (database backends only)."""
    entry = IndexEntry.objects.filter(
        content_type_id=OuterRef("content_type_id"),
        object_id=Cast(OuterRef("pk"), output_field=CharField()),
    )
    indexed = SearchIndexStamp.objects.filter(page_id=OuterRef("pk"), in_index=True)
    return Page.objects.live().filter(Exists(indexed)).exclude(Exists(entry))


def reconcile(limit=None):
    """Re-index at most `limit` pages that need it; returns their ids."""
    limit = limit or settings.GONGKAI_SEARCH_RECONCILE_BATCH
    ids = list(stale_pages().order_by("pk").values_list("pk", flat=True)[:limit])
    if uses_index_entries() and len(ids) < limit:
        missing = pages_missing_entries().exclude(pk__in=ids).order_by("pk")
        ids += list(missing.values_list("pk", flat=True)[: limit - len(ids)])
    for page in Page.objects.filter(pk__in=ids).specific():
        indexed = index.get_indexed_instance(page)
        if indexed is not None:
            index.insert_or_update_object(page)
        stamp(page, in_index=indexed is not None)
    if ids:
        logger.info("搜索索引补录 %s 个页面：%s", len(ids), ids[:20])
    return ids
