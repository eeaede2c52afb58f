"""Index upkeep through Celery, after the transaction that caused it commits (the outbox)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.signals import page_unpublished

from gongkai.outbox import send_after_commit
from gongkai.tasks import django_task_ran
from search import extraction, tasks

INDEX_UPDATE_TASK = "modelsearch.tasks.insert_or_update_object_task"


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


@receiver(django_task_ran)
def stamp_index_update(sender, task_path, args, **kwargs):
    """Each index update that ran in the worker stamps its page (search/reconcile.py)."""
    if task_path == INDEX_UPDATE_TASK:
        from search.reconcile import stamp_indexed

        stamp_indexed(*args)
