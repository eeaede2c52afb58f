"""Celery tasks of the project package itself."""

import logging

from celery import shared_task
from django.core.exceptions import ObjectDoesNotExist
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


@shared_task(name="gongkai.run_django_task")
def run_django_task(task_path: str, args: list, kwargs: dict):
    """Run one django-tasks task (Wagtail's index updates, …) inside a Celery worker."""
    task = import_string(task_path)
    try:
        return task.call(*args, **kwargs)
    except ObjectDoesNotExist:
        # Wagtail's index and reference updates fetch their object by primary key when they run.
        # An object deleted while the update waited in the queue has nothing left to update: its
        # deletion already removed it from the index and the reference index.
        logger.info("%s：对象 %s 已不存在，跳过", task_path, args)
        return None


@shared_task(name="gongkai.ping")
def ping(value: str = "pong") -> str:
    """A round trip through the broker, used by /healthz/ callers and the integration suite."""
    return value
