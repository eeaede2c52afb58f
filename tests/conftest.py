"""Fixtures of the suites that run the project's own processes (tests/integration, tests/faults):
a real Celery worker, in its own process, against the broker the settings name."""

import uuid

import pytest

from gongkai.celery import app as celery_app
from tests.processes import Process, child_env, database_url, python, running, wait_for

WORKER_START_TIMEOUT = 90


@pytest.fixture(scope="module")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """Start `celery worker` on the test database; stop it after the module's tests."""
    with django_db_blocker.unblock():
        url = database_url()
    hostname = f"itest-{uuid.uuid4().hex[:8]}@localhost"
    env = child_env(
        DJANGO_SETTINGS_MODULE="gongkai.settings.test",
        DATABASE_URL=url,
        CELERY_TASK_ALWAYS_EAGER="false",
        TASKS_BACKEND="gongkai.tasks_backend.CeleryBackend",
    )
    worker = Process(
        "worker",
        python(
            "-m",
            "celery",
            "-A",
            "gongkai",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            f"--hostname={hostname}",
            "--without-gossip",
            "--without-mingle",
        ),
        env,
        tmp_path_factory.mktemp("worker"),
    )
    was_eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        with running([worker]):
            wait_for(
                lambda: (
                    worker.alive() and celery_app.control.ping(destination=[hostname], timeout=1)
                ),
                WORKER_START_TIMEOUT,
                "the Celery worker did not answer a ping",
            )
            yield hostname
    finally:
        celery_app.conf.task_always_eager = was_eager


@pytest.fixture
def celery_worker(celery_worker_process, transactional_db):
    return celery_worker_process
