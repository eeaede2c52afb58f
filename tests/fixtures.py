"""Fixtures shared by every app's tests and the cross-app suites."""

import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture
def demo(db):
    """The demo site, as `make run` loads it."""
    from home.demo import load_demo

    load_demo(password="test-password")
    return "test-password"


@pytest.fixture(autouse=True)
def default_interface_language():
    """Every test starts in the site's default language (简体中文). Django's LocaleMiddleware
    activates a request's language for the thread and never switches it back, so a test that
    requested an /en/ page left English on for whichever test its worker ran next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def celery_queue():
    """Celery not eager: tasks go to the test broker's queue, as in production. Yields a function
    that takes every queued message off the queue and returns [(task name, args)]; whatever
    is left is taken off after the test."""
    from gongkai.celery import app

    def drain():
        taken = []
        with app.connection_for_read() as connection:
            queue = connection.SimpleQueue(app.conf.task_default_queue)
            try:
                while True:
                    try:
                        message = queue.get(timeout=0.2)
                    except queue.Empty:
                        break
                    args, _kwargs, _embed = message.decode()
                    taken.append((message.headers["task"], tuple(args)))
                    message.ack()
            finally:
                queue.close()
        return taken

    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    drain()
    try:
        yield drain
    finally:
        app.conf.task_always_eager = was_eager
        drain()
