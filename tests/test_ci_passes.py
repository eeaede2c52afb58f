"""The hostile-input fuzz, the fault suite, the browser walks and Lighthouse run once, in CI's
SQLite pass: each of their tests is marked `backend_independent` (which the PostgreSQL pass
leaves out, .ci/run) or skipped off SQLite and the embedded broker (`sqlite_only`,
`embedded_broker_only`, the faults injected into them). Only the tests named in BOTH_PASSES
run on PostgreSQL and Redis too."""

import inspect
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings

from tests.fixtures import embedded_broker_only, sqlite_only

SQLITE_PASS_ONLY = ["tests/browser", "tests/faults", "tests/hostile"]
# Hostile values that each engine has a limit for, sent once per parameter: cheap, and
# PostgreSQL's limits differ from SQLite's.
BOTH_PASSES = {
    "tests/hostile/test_public_requests.py::HostileRequests"
    "::test_engine_limits_reach_every_database_parameter",
}
SKIPPED_OFF_THE_EMBEDDED_DEFAULT = [sqlite_only.mark, embedded_broker_only.mark]


def marks_of(*objects):
    found = []
    for item in objects:
        marks = getattr(item, "pytestmark", [])
        found += marks if isinstance(marks, list) else [marks]
    return [getattr(mark, "mark", mark) for mark in found]


def collected_in(folder):
    """(test id, its marks) of each test function and test method of the folder's modules."""
    base = Path(settings.BASE_DIR)
    for path in sorted((base / folder).rglob("test_*.py")):
        relative = path.relative_to(base)
        module = import_module(".".join(relative.with_suffix("").parts))
        for name, value in vars(module).items():
            if name.startswith("test_") and inspect.isfunction(value):
                yield f"{relative}::{name}", marks_of(module, value)
            elif inspect.isclass(value) and value.__module__ == module.__name__:
                for method_name, method in vars(value).items():
                    if method_name.startswith("test_") and inspect.isfunction(method):
                        test_id = f"{relative}::{name}::{method_name}"
                        yield test_id, marks_of(module, value, method)


def runs_in_the_postgresql_pass(marks):
    return not any(
        mark.name == "backend_independent" or mark in SKIPPED_OFF_THE_EMBEDDED_DEFAULT
        for mark in marks
    )


def test_the_fuzz_faults_browser_walks_and_lighthouse_run_in_the_sqlite_pass_only():
    found = {test_id for folder in SQLITE_PASS_ONLY for test_id, _marks in collected_in(folder)}
    assert any(test_id.startswith("tests/browser/test_lighthouse.py::") for test_id in found)
    assert any(test_id.startswith("tests/faults/test_zip_bomb.py::") for test_id in found)
    assert len(found) > 40
    both = {
        test_id
        for folder in SQLITE_PASS_ONLY
        for test_id, marks in collected_in(folder)
        if runs_in_the_postgresql_pass(marks)
    }
    assert both == BOTH_PASSES


def test_an_unmarked_test_is_noticed():
    assert runs_in_the_postgresql_pass([pytest.mark.browser.mark])
    assert not runs_in_the_postgresql_pass([pytest.mark.backend_independent.mark])
    assert not runs_in_the_postgresql_pass([sqlite_only.mark])
