"""Background work of the catalogue: indexing imported documents in batches."""

import logging

from django.apps import apps
from django_tasks import task
from modelcluster.models import get_all_child_relations
from modelsearch.index import get_search_backends_with_name
from wagtail.models import ReferenceIndex

from .models import DisclosureItemPage
from .roots import disclosure_roots_of

logger = logging.getLogger(__name__)


@task()
def index_pages_task(app_label, model_name, pks):
    """Search- and reference-index updates for many pages of one type: what modelsearch's and
    Wagtail's per-object tasks do, with one query for the pages and one bulk add per engine."""
    model = apps.get_model(app_label, model_name)
    # Both indexes read every child relation of every page (the reference index, and search
    # for the documents a page links): one query per relation for all pages.
    relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
    pages = list(model.get_indexed_objects().filter(pk__in=pks).prefetch_related(*relations))
    remember_disclosure_roots(pages)
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, pages)
        except Exception:
            # As modelsearch does: an external engine being down must not fail the import.
            logger.exception("Indexing %d %s pages in '%s' failed", len(pages), model_name, name)
            if not backend.catch_indexing_errors:
                raise
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)


def remember_disclosure_roots(pages):
    """Each item's disclosure root (with its organisation), read for all of them in one query:
    the search document of an item carries its organisation's name, which an item alone finds
    with a tree query of its own."""
    items = [page for page in pages if isinstance(page, DisclosureItemPage)]
    for page, root in zip(items, disclosure_roots_of(items), strict=True):
        page.__dict__["disclosure_root"] = root
