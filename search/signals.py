"""Index upkeep through Celery, after the transaction that caused it commits (the outbox).
The receivers are connected in the app config (search/apps.py)."""

from modelsearch.tasks import insert_or_update_object_task

from gongkai.outbox import send_after_commit
from search import extraction, tasks
from search.indexing import updates_deferred

INDEX_UPDATE_TASK = "modelsearch.tasks.insert_or_update_object_task"


def remove_unpublished_page(sender, instance, **kwargs):
    """Unpublishing and expiry (Wagtail's publish_scheduled unpublishes) both send this."""
    send_after_commit(tasks.remove_page_from_index, instance.pk)


def extract_on_save(sender, instance, **kwargs):
    """Mark the text pending in the saving transaction (the scan at submission sees it), and
    let the worker read the file once that transaction commits."""
    if not kwargs.get("raw"):
        extraction.queue(instance)


def reindex_numbered_item(sender, instance, **kwargs):
    """An item's index number and 发布日期 were written past post_save: reindex it so the
    number is searchable, unless its writer indexes it itself (index_updates_deferred)."""
    if not updates_deferred():
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


def stamp_index_update(sender, task_path, args, **kwargs):
    """Each index update that ran in the worker stamps its page (search/reconcile.py)."""
    if task_path == INDEX_UPDATE_TASK:
        from search.reconcile import stamp_indexed

        stamp_indexed(*args)
