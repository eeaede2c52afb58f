"""Start the project's real processes (Celery worker, beat, gunicorn) for a test and stop them."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager

from django.conf import settings
from django.db import connection


def database_url():
    """The URL of the test database, for processes started outside pytest."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
        return f"postgres://{auth}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    raise RuntimeError(f"no URL for the {connection.vendor} backend")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(predicate, timeout, message):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.25)
    raise AssertionError(message)


class Process:
    """One child process whose output goes to a log file that a failing test prints."""

    def __init__(self, name, args, env, log_dir):
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 — closed in stop()
        self.popen = subprocess.Popen(
            args, cwd=settings.BASE_DIR, env=env, stdout=self.log, stderr=subprocess.STDOUT
        )

    def alive(self):
        return self.popen.poll() is None

    def output(self):
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self):
        self.popen.terminate()
        try:
            self.popen.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.popen.kill()
            self.popen.wait()
        self.log.close()


def python(*args):
    return [sys.executable, *args]


@contextmanager
def running(processes):
    """Stop every process on the way out; print their logs when the block fails."""
    try:
        yield processes
    except BaseException:
        for process in processes:
            print(f"----- {process.name} -----\n{process.output()[-5000:]}")
        raise
    finally:
        for process in processes:
            process.stop()


def child_env(**overrides):
    return {**os.environ, **overrides}
