"""Index upkeep through Celery, after the transaction that caused it commits (the outbox)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.signals import page_unpublished

from gongkai.outbox import send_after_commit
from search import extraction, tasks


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    """Unpublishing and expiry (Wagtail's publish_scheduled unpublishes) both send this."""
    send_after_commit(tasks.remove_page_from_index, instance.pk)


def extract_on_save(sender, instance, **kwargs):
    """Mark the text pending in the saving transaction (the scan at submission sees it), and
    let the worker read the file once that transaction commits."""
    if not kwargs.get("raw"):
        extraction.queue(instance)


post_save.connect(extract_on_save, sender=get_document_model(), dispatch_uid="search-extract")
