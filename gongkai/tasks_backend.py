"""A django-tasks backend that hands every task to Celery.

Wagtail 8 and modelsearch enqueue their search-index and reference-index updates as
django-tasks. Routing them through Celery keeps that work out of the request. Tasks are
sent only after the surrounding transaction commits, so the worker never looks for a row
that is not there yet.
"""

from django.db import transaction
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


class CeleryBackend(BaseTaskBackend):
    supports_defer = True

    def enqueue(self, task, args, kwargs):
        from gongkai.tasks import run_django_task

        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        options = {"task_id": result.id}
        if task.run_after is not None:
            options["eta"] = task.run_after
        transaction.on_commit(
            lambda: run_django_task.apply_async(
                args=(task.module_path, list(args), dict(kwargs)), **options
            ),
            robust=True,
        )
        return result
