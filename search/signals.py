"""Index upkeep through Celery, after the transaction that caused it commits (the outbox)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from modelsearch.tasks import insert_or_update_object_task
from wagtail.documents import get_document_model
from wagtail.signals import page_unpublished

from disclosure.catalogue.index_numbers import index_number_written
from gongkai.outbox import send_after_commit
from gongkai.tasks import django_task_ran
from search import extraction, tasks
from search.indexing import updates_deferred

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


@receiver(index_number_written, dispatch_uid="search-index-number")
def reindex_numbered_item(sender, instance, **kwargs):
    """An item's index number and 发布日期 were written past post_save: reindex it so the
    number is searchable, unless its writer indexes it itself (index_updates_deferred)."""
    if not updates_deferred():
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


@receiver(django_task_ran)
def stamp_index_update(sender, task_path, args, **kwargs):
    """Each index update that ran in the worker stamps its page (search/reconcile.py)."""
    if task_path == INDEX_UPDATE_TASK:
        from search.reconcile import stamp_indexed

        stamp_indexed(*args)
