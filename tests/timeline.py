"""When each test ran, per pytest-xdist worker: a pass's wall time is more than its tests'
seconds over the workers (start, collection, a worker idle while another finishes), and the
JUnit report gives durations only. Beside a report `make test` writes (`--junitxml`), each
worker writes `<report>.timeline-<worker>.tsv`: the worker's start, its collection's end, then
one line per test (start, end, id). `python -m tests.timings` reads them."""

import os
import time
from pathlib import Path

import pytest

_started = time.time()
_lines = []
_report = None


def pytest_configure(config):
    # Resolved now: a test may change the working directory and not change it back.
    global _report
    report = config.getoption("xmlpath", None)
    _report = Path(report).resolve() if report else None


def timeline_path(report, worker):
    return Path(f"{report}.timeline-{worker}.tsv")


def pytest_collection_finish(session):
    _lines.append(f"{_started:.3f}\t{time.time():.3f}\t(start and collection)")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    # Runs where the test runs (a worker, or the only process): the controller only hears of it.
    start = time.time()
    yield
    _lines.append(f"{start:.3f}\t{time.time():.3f}\t{item.nodeid}")


def pytest_sessionfinish(session):
    if _report and len(_lines) > 1:
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        timeline_path(_report, worker).write_text("\n".join(_lines) + "\n", encoding="utf-8")
