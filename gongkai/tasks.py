"""Celery tasks of the project package itself."""

from celery import shared_task
from django.utils.module_loading import import_string


@shared_task(name="gongkai.run_django_task")
def run_django_task(task_path: str, args: list, kwargs: dict):
    """Run one django-tasks task (Wagtail's index updates, …) inside a Celery worker."""
    task = import_string(task_path)
    return task.call(*args, **kwargs)


@shared_task(name="gongkai.ping")
def ping(value: str = "pong") -> str:
    """A round trip through the broker, used by /healthz/ callers and the integration suite."""
    return value
