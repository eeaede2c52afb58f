"""Background work of the catalogue: indexing imported documents in batches."""

import logging

from django.apps import apps
from django_tasks import task
from modelsearch.index import get_search_backends_with_name
from wagtail.models import ReferenceIndex

logger = logging.getLogger(__name__)


@task()
def index_pages_task(app_label, model_name, pks):
    """Search- and reference-index updates for many pages of one type: what modelsearch's and
    Wagtail's per-object tasks do, with one query for the pages and one bulk add per engine."""
    model = apps.get_model(app_label, model_name)
    pages = list(model.get_indexed_objects().filter(pk__in=pks))
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
