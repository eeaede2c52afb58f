"""Index upkeep through Celery, after the transaction that caused it commits."""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.signals import page_unpublished

from search import tasks


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    """Unpublishing and expiry (Wagtail's publish_scheduled unpublishes) both send this."""
    page_id = instance.pk
    transaction.on_commit(lambda: tasks.remove_page_from_index.delay(page_id))


def extract_on_save(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    document_id = instance.pk
    transaction.on_commit(lambda: tasks.extract_attachment_text.delay(document_id))


post_save.connect(extract_on_save, sender=get_document_model(), dispatch_uid="search-extract")
