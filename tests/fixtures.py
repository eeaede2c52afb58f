"""Fixtures shared by every app's tests and the cross-app suites."""

import os
import unittest
from contextlib import contextmanager

import pytest
from django.conf import settings
from django.core.cache import caches
from django.db import models, transaction
from django.utils import translation

from tests.demo_snapshot import load_demo_in_transaction

DEMO_PASSWORD = "test-password"
SHARED_SUFFIX = "_for_the_module"
DEMO_FOR_THE_MODULE = "demo" + SHARED_SUFFIX
# A module whose tests all work on the demo loads it once: `pytestmark = DEMO_PER_MODULE`.
# Every test of it is a database test, so that pytest-django's ordering (database tests
# after the others) keeps the module's tests together and the demo is loaded once per worker.
DEMO_PER_MODULE = [pytest.mark.django_db, pytest.mark.usefixtures(DEMO_FOR_THE_MODULE)]


@pytest.fixture
def demo(request, db):
    """The demo site, as `make run` loads it (once per module in a module that uses
    `demo_for_the_module`)."""
    if DEMO_FOR_THE_MODULE in request.fixturenames:
        return request.getfixturevalue(DEMO_FOR_THE_MODULE)
    load_demo_in_transaction(password=DEMO_PASSWORD)
    return DEMO_PASSWORD


@contextmanager
def module_transaction(django_db_blocker, build):
    """What `build()` makes for a module's tests, in a transaction rolled back after the
    module's last test. Each test runs in a savepoint of it (pytest-django's `db`), rolled back
    after the test, so that every test starts from the shared rows as built: what building them
    for each test gave, at a fraction of the time (docs/testing.md). A module-scoped fixture
    that uses it is named `*_for_the_module`; the collection check below keeps transactional
    tests out of its modules."""
    with django_db_blocker.unblock():
        shared = transaction.atomic()
        shared.__enter__()
    try:
        with django_db_blocker.unblock():
            built = build()
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            shared.__exit__(None, None, None)


def shared_or_built(request, shared_fixture, build):
    """For a test: fresh instances of what its module shares (`shared_fixture`, when the
    module uses it), else what `build()` makes for the test alone."""
    if shared_fixture in request.fixturenames:
        return reread(request.getfixturevalue(shared_fixture))
    return build()


def reread(shared):
    """Fresh instances of a module's shared model instances (in dicts and lists, nested
    too): a test may change the instances it was given, and the next test must not find them
    changed after the database went back."""
    if isinstance(shared, dict):
        return {key: reread(value) for key, value in shared.items()}
    if isinstance(shared, list):
        return [reread(value) for value in shared]
    if isinstance(shared, models.Model):
        return type(shared)._default_manager.get(pk=shared.pk)
    return shared


def _load_demo():
    load_demo_in_transaction(password=DEMO_PASSWORD)
    return DEMO_PASSWORD


@pytest.fixture(scope="module")
def demo_for_the_module(django_db_setup, django_db_blocker):
    """The demo loaded once for every test of the module (module_transaction)."""
    with module_transaction(django_db_blocker, _load_demo) as password:
        yield password


DATABASE_FIXTURES = {"db", "transactional_db", "live_server"}


@pytest.fixture(autouse=True)
def database_use_is_declared(request):
    """pytest-django orders the database tests first, the transactional ones next, the rest
    last, from what each test declares. A test that only reaches the database through
    `request.getfixturevalue` is ordered among the last, so on a worker that just ran a
    transactional test it finds the database emptied (no roles, no content types) and fails
    by the luck of scheduling. It must declare it (a django_db mark or the `db` fixture)."""
    declared = request.node.get_closest_marker("django_db") or (
        DATABASE_FIXTURES & set(request.node.fixturenames)
    )
    yield
    if not declared and DATABASE_FIXTURES & set(request.fixturenames):
        pytest.fail(
            f"{request.node.nodeid} asks for the database at run time without declaring it: "
            "mark it pytest.mark.django_db so that it runs before the transactional tests"
        )


@pytest.fixture(autouse=True)
def empty_caches_the_database_does_not_roll_back():
    """The database goes back after each test, the caches do not. Every cache is emptied before
    every test: the next test's pages reuse the ids and addresses of the last one's, so its
    copies and their tokens would be served as the new pages (gongkai/page_cache.py); and a
    default cache the earlier tests filled culls a third of its entries when a test adds more
    (LocMemCache's limit), so a test that counts queries after warming a cache found it
    half-emptied, depending on what ran before it on its worker."""
    for cache in caches.all():
        cache.clear()


def pytest_collection_modifyitems(items):
    """A test on what its module shares (a `*_for_the_module` fixture: the demo, the search
    corpus, the small review office) may not end the transaction the shared rows live in: a
    transactional test empties the database, a Django TestCase closes the connection."""
    for item in items:
        shared = [
            name for name in getattr(item, "fixturenames", ()) if name.endswith(SHARED_SUFFIX)
        ]
        if not shared:
            continue
        marker = item.get_closest_marker("django_db")
        transactional = (marker is not None and marker.kwargs.get("transaction")) or {
            "transactional_db",
            "live_server",
        } & set(item.fixturenames)
        is_unittest = isinstance(getattr(item, "cls", None), type) and issubclass(
            item.cls, unittest.TestCase
        )
        if transactional or is_unittest:
            raise pytest.UsageError(
                f"{item.nodeid}: {shared[0]} needs tests that run in a transaction "
                "rolled back after them (no transactional tests, no Django TestCase)"
            )


@pytest.fixture(autouse=True)
def default_interface_language():
    """Every test starts in the site's default language (简体中文). Django's LocaleMiddleware
    activates a request's language for the thread and never switches it back, so a test that
    requested an /en/ page left English on for whichever test its worker ran next."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


def drain_celery_queue():
    """Take every message off the test broker's queues (the interactive one, then the
    default one); return [(task name, args)]."""
    from gongkai.celery import app

    taken = []
    for declared in app.conf.task_queues:
        # A connection per queue: over Redis, a get that timed out leaves its BRPOP pending on
        # the connection, and the next queue's get on the same connection then finds nothing.
        with app.connection_for_read() as connection:
            queue = connection.SimpleQueue(declared.name)
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
