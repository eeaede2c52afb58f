"""Celery tasks: attachment text extraction, and taking withdrawn pages out of the index."""

from collections import defaultdict

from celery import shared_task
from django.db import OperationalError, transaction
from modelsearch import index
from wagtail.documents import get_document_model
from wagtail.models import Page

from search import attachments, extraction


@shared_task(name=extraction.EXTRACT_TASK)
def extract_attachment_text(document_id: int):
    """Read a document's text in a child process, store it (or why it was refused), and
    reindex the live pages that link it."""
    from search.models import AttachmentText

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    if not attachments.can_read(document.file.name):
        AttachmentText.objects.filter(document=document).delete()
        return
    extraction.extract_document(document)
    reindex_pages_linking(document)


def reindex_pages_linking(document):
    """Queue the index update of the live pages linking `document`, batched per page type.
    Their stamps name the live revision, which a new attachment text leaves unchanged: they
    are dropped first, so that the reconcile takes the pages again until the update has run
    and stamped them (an update that fails or is lost is not left unnoticed)."""
    from search.indexing import queue_index_update
    from search.models import SearchIndexStamp

    pks_by_model = defaultdict(list)
    for page in attachments.pages_linking(document).live().specific(defer=True):
        pks_by_model[type(page)].append(page.pk)
    with transaction.atomic():
        SearchIndexStamp.objects.filter(
            page_id__in=[pk for pks in pks_by_model.values() for pk in pks]
        ).delete()
        for model, pks in pks_by_model.items():
            queue_index_update(model, pks)


@shared_task(name="search.remove_page_from_index")
def remove_page_from_index(page_id: int):
    """Drop an unpublished or expired page from every index (unless it is live again)."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is not None and page.live and not page.expired:
        return
    if page is not None:
        index.remove_object(page)


@shared_task(
    name="search.record_search",
    ignore_result=True,
    autoretry_for=(OperationalError,),  # a busy SQLite: try again later
    retry_backoff=True,
    max_retries=5,
)
def record_search(query_string: str, found: bool | None = None):
    """Count one search (Wagtail's search-terms report, read by administrators only).

    `found` is accepted and ignored: messages queued before it was dropped still carry it.
    Whether a search found pages no longer matters, since no visitor's query is ever suggested.
    """
    from wagtail.contrib.search_promotions.models import Query

    with transaction.atomic():
        Query.get(query_string).add_hit()


@shared_task(name="search.merge_search_index")
def merge_search_index():
    """Beat: merge the database index's b-trees into one (SQLite's; other backends keep their
    own: PostgreSQL's GIN index and the engines' segments are merged by the server)."""
    from modelsearch.backends import get_search_backends

    return sum(
        backend.merge_index()
        for backend in get_search_backends()
        if hasattr(backend, "merge_index")
    )


@shared_task(name="search.reconcile_search_index")
def reconcile_search_index():
    """Beat: re-index live pages whose index entry is missing or older than their live
    revision (an index update that failed or never arrived)."""
    from search.reconcile import reconcile

    return reconcile()
