"""Fixtures shared by every app's tests and the cross-app suites."""

import os
from contextlib import contextmanager

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


# Test modules where publishing a disclosure page requires a finished review (or the sanctioned
# importer, demo loader and 强制发布), as in production. Elsewhere the other apps' tests publish
# their fixtures directly (`page.save_revision().publish()`), which the review invariant would
# refuse (disclosure/moderation/publication.py); they test their own features, not the review.
REVIEW_ENFORCED = (
    "disclosure/moderation/",
    "disclosure/catalogue/tests/test_import.py",
    "home/tests/test_demo.py",
    "disclosure/applications/tests/test_demo.py",
    "tests/browser/",
    "tests/integration/",
    "tests/production/",
    "tests/security/",
    "tests/faults/",
)


@pytest.fixture(autouse=True)
def publishing_outside_review_in_other_apps(request):
    if request.node.nodeid.startswith(REVIEW_ENFORCED):
        yield
        return
    from disclosure.moderation.publication import sanctioned_publication

    with sanctioned_publication("test fixture"):
        yield


def drain_celery_queue():
    """Take every message off the test broker's queue; return [(task name, args)]."""
    from gongkai.celery import app

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


@contextmanager
def celery_not_eager():
    """Tasks go to the test broker's queue, as in production; what is left is taken off after."""
    from gongkai.celery import app

    was_eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    drain_celery_queue()
    try:
        yield drain_celery_queue
    finally:
        app.conf.task_always_eager = was_eager
        drain_celery_queue()


@pytest.fixture
def celery_queue():
    """Celery not eager: yields a function that takes the queued messages off the queue and
    returns [(task name, args)]."""
    with celery_not_eager() as drain:
        yield drain


# Faults injected through the embedded default itself: the filesystem broker's queue folder made
# unwritable, SQLite's one write lock held by another connection. The CI pass on PostgreSQL and
# Redis has neither (Redis is a server; PostgreSQL readers never wait for a writer), and runs the
# same code paths with services that are up.
_BROKER_URL = os.environ.get("CELERY_BROKER_URL") or os.environ.get("REDIS_URL") or ""
embedded_broker_only = pytest.mark.skipif(
    bool(_BROKER_URL) and not _BROKER_URL.startswith("filesystem"),
    reason="the fault is injected into the embedded broker's queue folder (kombu's filesystem "
    "transport); this pass runs against Redis",
)
sqlite_only = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="the fault is SQLite's single write lock; this pass runs on PostgreSQL",
)
