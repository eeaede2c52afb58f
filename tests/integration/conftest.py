"""A real Celery worker, in its own process, against the broker the settings name."""

import os
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection

from gongkai.celery import app as celery_app

WORKER_START_TIMEOUT = 90


def database_url_for_worker():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        return f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    raise RuntimeError(f"no worker URL for the {connection.vendor} backend")


def wait_for(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(message)


@pytest.fixture(scope="module")
def celery_worker_process(django_db_setup, django_db_blocker, tmp_path_factory):
    """Start `celery worker` on the test database; stop it after the module's tests."""
    with django_db_blocker.unblock():
        database_url = database_url_for_worker()
    tmp_path = tmp_path_factory.mktemp("worker")
    hostname = f"itest-{uuid.uuid4().hex[:8]}@localhost"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "gongkai.settings.test",
        "DATABASE_URL": database_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "TASKS_BACKEND": "gongkai.tasks_backend.CeleryBackend",
    }
    log = open(tmp_path / "worker.log", "w+")  # noqa: SIM115 — read back when it fails
    process = subprocess.Popen(
        [
            sys.executable,
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
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    was_eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    try:
        wait_for(
            lambda: (
                process.poll() is None
                and celery_app.control.ping(destination=[hostname], timeout=1)
            ),
            WORKER_START_TIMEOUT,
            "the Celery worker did not answer a ping",
        )
        yield hostname
    except AssertionError:
        log.seek(0)
        print(log.read())
        raise
    finally:
        celery_app.conf.task_always_eager = was_eager
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture
def celery_worker(celery_worker_process, transactional_db):
    return celery_worker_process
