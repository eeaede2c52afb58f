"""Wagtail's django-tasks reach Celery, and only once the transaction has committed."""

from django.contrib.auth.models import Group
from django.db import transaction
from django_tasks import task


@task()
def create_group(name):
    Group.objects.create(name=name)


def test_task_is_sent_to_celery_after_commit(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        create_group.using(backend="celery").enqueue("由 Celery 创建")
        assert not Group.objects.filter(name="由 Celery 创建").exists()
    assert len(callbacks) == 1
    # Celery runs eagerly in unit tests: the callback has run the task through Celery.
    assert Group.objects.filter(name="由 Celery 创建").exists()


def test_task_is_dropped_when_the_transaction_rolls_back(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                create_group.using(backend="celery").enqueue("不应创建")
                raise RuntimeError("roll back")
        except RuntimeError:
            pass
    assert callbacks == []
    assert not Group.objects.filter(name="不应创建").exists()


def test_an_update_for_an_object_deleted_before_the_worker_ran_is_dropped(db, caplog):
    """A page created and deleted while its index update waited in the queue (the demo does
    this to a placeholder column; editors do it too): the update has nothing left to do."""
    from gongkai.tasks import run_django_task

    group = Group.objects.create(name="已删除")
    pk = group.pk
    group.delete()
    for path in (
        "modelsearch.tasks.insert_or_update_object_task",
        "wagtail.tasks.update_reference_index_task",
    ):
        assert run_django_task(path, ["auth", "group", pk], {}) is None
    assert "已不存在" in caplog.text
