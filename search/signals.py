"""Index upkeep through Celery, after the transaction that caused it commits (the outbox)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.signals import page_unpublished

from gongkai.outbox import send_after_commit
from search import tasks


@receiver(page_unpublished)
def remove_unpublished_page(sender, instance, **kwargs):
    """Unpublishing and expiry (Wagtail's publish_scheduled unpublishes) both send this."""
    send_after_commit(tasks.remove_page_from_index, instance.pk)


def extract_on_save(sender, instance, **kwargs):
    if kwargs.get("raw"):
        return
    send_after_commit(tasks.extract_attachment_text, instance.pk)


post_save.connect(extract_on_save, sender=get_document_model(), dispatch_uid="search-extract")
