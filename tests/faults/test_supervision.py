"""`make run`'s supervision: the OOM killer's SIGKILL on the worker or beat restarts that process
while the web server keeps answering; stopping supervisord (Ctrl-C) stops everything.

supervisord runs the project's own supervisord.conf, as `make run` does, on the test database.
"""

import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request
import xmlrpc.client
from pathlib import Path

import pytest
from django.conf import settings
from supervisor.xmlrpc import SupervisorTransport

from tests.processes import Process, child_env, database_url, running, wait_for

pytestmark = pytest.mark.backend_independent

PORT = 8111  # from the range this suite may use (8110–8119)
START_TIMEOUT = 240  # three Django processes starting on a loaded 2-core machine
RESTART_TIMEOUT = 30  # from SIGKILL to a new process that supervisord counts as running
STOP_TIMEOUT = 60
PROGRAMS = ("web", "worker", "beat")
BIN = Path(sys.executable).parent  # the virtualenv's: supervisord, celery, python


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead for our purpose
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except FileNotFoundError:
        return False


def process_group(pgid):
    """Every live process of a process group (a Celery worker's pool children included)."""
    members = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                members.append(int(entry.name))
    return members


class Supervisor:
    def __init__(self, run_dir):
        self.socket = f"unix://{run_dir}/supervisor.sock"

    def info(self, name):
        # A transport per call: one that failed (socket not there yet) cannot be used again.
        transport = SupervisorTransport(None, None, self.socket)
        rpc = xmlrpc.client.ServerProxy("http://127.0.0.1", transport=transport)
        try:
            return rpc.supervisor.getProcessInfo(name)
        except (OSError, xmlrpc.client.Fault):
            return None  # not answering yet

    def running_pid(self, name):
        info = self.info(name)
        return info["pid"] if info and info["statename"] == "RUNNING" else None


class WebProbe(threading.Thread):
    """Asks the web server every 0.2 s and keeps every answer (a status or the error)."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url = url
        self.answers = []
        self.stopping = threading.Event()

    def run(self):
        while not self.stopping.is_set():
            try:
                with urllib.request.urlopen(self.url, timeout=20) as response:
                    self.answers.append(response.status)
            except urllib.error.HTTPError as error:
                self.answers.append(error.code)
            except OSError as error:
                self.answers.append(repr(error))
            time.sleep(0.2)

    def stop(self):
        self.stopping.set()
        self.join(timeout=15)


def web_answers(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture
def supervised(django_db_serialized_rollback, transactional_db, tmp_path):
    """supervisord with web, worker and beat on the test database, as under `make run`."""
    env = child_env(
        DJANGO_SETTINGS_MODULE="gongkai.settings.test",
        DATABASE_URL=database_url(),
        CELERY_TASK_ALWAYS_EAGER="false",
        TASKS_BACKEND="gongkai.tasks_backend.CeleryBackend",
        PORT=str(PORT),
        GONGKAI_RUN_DIR=str(tmp_path),
        PATH=f"{BIN}:{os.environ['PATH']}",
        PYTHONUNBUFFERED="1",
    )
    supervisord = Process(
        "supervisord",
        [
            str(BIN / "supervisord"),
            "-c",
            str(Path(settings.BASE_DIR) / "supervisord.conf"),
        ],
        env,
        tmp_path,
    )
    supervisor = Supervisor(tmp_path)
    url = f"http://127.0.0.1:{PORT}/admin/login/"
    with running([supervisord]):
        wait_for(
            lambda: all(supervisor.running_pid(name) for name in PROGRAMS) and web_answers(url),
            START_TIMEOUT,
            "supervisord did not bring web, worker and beat up",
        )
        yield supervisord, supervisor, url


def test_a_killed_worker_or_beat_is_restarted_while_the_web_keeps_answering(supervised):
    supervisord, supervisor, url = supervised
    web_pid = supervisor.running_pid("web")
    killed = {}
    probe = WebProbe(url)
    probe.start()
    try:
        for name in ("worker", "beat"):
            old = supervisor.running_pid(name)
            killed[name] = old
            started = time.monotonic()
            os.kill(old, signal.SIGKILL)
            new = wait_for(
                lambda old=old, name=name: (
                    (pid := supervisor.running_pid(name)) and pid != old and pid
                ),
                RESTART_TIMEOUT,
                f"{name} was not restarted within {RESTART_TIMEOUT} s of its SIGKILL",
            )
            assert alive(new) and not alive(old)
            print(f"{name}: running again as {new} after {time.monotonic() - started:.1f} s")
        time.sleep(1)  # the web server is still asked after both restarts
    finally:
        probe.stop()

    assert supervisor.running_pid("web") == web_pid  # never restarted: it kept serving
    assert probe.answers, "the web server was never asked"
    assert set(probe.answers) == {200}, f"the web server failed to answer: {probe.answers}"

    # Ctrl-C: supervisord stops every process it runs, then exits.
    groups = {name: supervisor.running_pid(name) for name in PROGRAMS}  # each leads its group
    supervisord.popen.send_signal(signal.SIGINT)
    supervisord.popen.wait(timeout=STOP_TIMEOUT)
    wait_for(
        lambda: not any(process_group(pgid) for pgid in groups.values()),
        STOP_TIMEOUT,
        f"processes left after supervisord stopped: {groups}",
    )
    # The killed worker's pool children are gone too (no orphans left behind).
    wait_for(
        lambda: not process_group(killed["worker"]),
        STOP_TIMEOUT,
        "the SIGKILLed worker's pool processes were left running",
    )
