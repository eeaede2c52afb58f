"""Celery tasks of the project package itself."""

import logging

from celery import shared_task
from django.core.exceptions import ObjectDoesNotExist
from django.dispatch import Signal
from django.utils.module_loading import import_string

from gongkai import outbox

logger = logging.getLogger(__name__)

# Sent after a django-tasks task ran in the worker, with `task_path` and `args`: the apps
# whose upkeep follows a task (the search index's stamps) listen without this package naming them.
django_task_ran = Signal()


@shared_task(name=outbox.DELIVER_TASK, bind=True)
def deliver(self, message_id: int):
    """Run one outbox row (gongkai/outbox.py) and mark it done; a failure is retried by the
    relay with a growing delay. A second copy of the message finds the row done or held."""
    from gongkai.celery import app

    message = outbox.claim(message_id)
    if message is None:
        return None
    try:
        result = app.tasks[message.task](*message.args, **message.kwargs)
    except Exception as exc:
        logger.exception(
            "后台任务 %s #%s 第 %s 次执行失败", message.task, message_id, message.attempts
        )
        outbox.finish(message, error=f"{type(exc).__name__}: {exc}")
        if self.request.is_eager:
            raise
        return None
    outbox.finish(message)
    return result


@shared_task(name="gongkai.relay_outbox")
def relay_outbox():
    """Beat: hand the broker what it could not take at commit time, retry failed rows, and
    drop rows done long ago."""
    sent = outbox.relay_pending()
    outbox.forget_delivered()
    return sent


@shared_task(name="gongkai.forget_create_form_tokens")
def forget_create_form_tokens():
    """Beat: drop the one-time tokens of create forms that can no longer be sent."""
    from gongkai.create_once import forget_old_tokens

    return forget_old_tokens()


@shared_task(name="gongkai.run_django_task")
def run_django_task(task_path: str, args: list, kwargs: dict):
    """Run one django-tasks task (Wagtail's index updates, …) inside a Celery worker."""
    task = import_string(task_path)
    try:
        result = task.call(*args, **kwargs)
    except ObjectDoesNotExist:
        # Wagtail's index and reference updates fetch their object by primary key when they run.
        # An object deleted while the update waited in the queue has nothing left to update: its
        # deletion already removed it from the index and the reference index.
        logger.info("%s：对象 %s 已不存在，跳过", task_path, args)
        return None
    django_task_ran.send(sender=run_django_task, task_path=task_path, args=args)
    return result


@shared_task(name="gongkai.ping")
def ping(value: str = "pong") -> str:
    """A round trip through the broker, used by /healthz/ callers and the integration suite."""
    return value
