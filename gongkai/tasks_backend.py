"""A django-tasks backend that hands every task to Celery.

Wagtail 8 and modelsearch enqueue their search-index and reference-index updates as
django-tasks. Routing them through Celery keeps that work out of the request. Each task is a
row of the outbox (gongkai/outbox.py), written in the transaction that enqueues it: the worker
never looks for a row that is not there yet, and a broker that is down delays the update
instead of losing it.
"""

from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


class CeleryBackend(BaseTaskBackend):
    supports_defer = True

    def enqueue(self, task, args, kwargs):
        from gongkai.outbox import send_after_commit
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
        send_after_commit(
            run_django_task, task.module_path, list(args), dict(kwargs), run_after=task.run_after
        )
        return result
