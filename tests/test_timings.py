"""The summary `.ci/run` prints of where a pass's time went (tests/timings.py), and the
workers' timelines it reads (tests/timeline.py)."""

from pathlib import Path

from tests.timings import folder, summary, worker_summary

pytest_plugins = ["pytester"]

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="4">
<testcase classname="tests.browser.test_smoke" name="test_home" time="12.5"/>
<testcase classname="disclosure.moderation.tests.test_attachment_matrix.AttachmentMatrix"
          name="test_cell" time="0.5"/>
<testcase classname="disclosure.moderation.tests.test_guards" name="test_wall" time="2.0"/>
<testcase classname="search.tests.test_snippets" name="test_words" time="0.01"/>
</testsuite></testsuites>
"""


def test_each_test_is_counted_in_its_folder():
    assert folder("tests/browser/test_smoke::test_home") == "tests/browser"
    assert folder("disclosure/moderation/tests/test_guards::t") == "disclosure/moderation/tests"
    assert folder("search/tests/test_snippets::t") == "search/tests"


def test_the_summary_sums_folders_and_names_the_slowest(tmp_path):
    report = tmp_path / "junit.xml"
    report.write_text(REPORT)
    lines = summary(report).splitlines()
    assert lines[0] == f"{report}: 4 tests, 15 worker-seconds"
    assert lines[1].split() == ["12", "s", "83.3%", "tests/browser"]
    assert lines[2].split() == ["2", "s", "16.7%", "disclosure/moderation/tests"]
    slowest = lines[lines.index("  slowest 15:") + 1]
    assert slowest.split() == ["12.5", "s", "tests/browser/test_smoke::test_home"]


def test_the_workers_timelines_say_where_the_wall_time_went(tmp_path):
    report = tmp_path / "junit.xml"
    report.write_text(REPORT)
    (tmp_path / "junit.xml.timeline-gw0.tsv").write_text(
        "100.0\t130.0\t(start and collection)\n130.0\t140.0\ta.py::t1\n150.0\t155.0\ta.py::t2\n"
    )
    (tmp_path / "junit.xml.timeline-gw1.tsv").write_text(
        "101.0\t131.0\t(start and collection)\n131.0\t200.0\tb.py::t3\n"
    )
    lines = worker_summary(report).splitlines()
    assert lines[0] == "  workers (wall 100 s from the first worker's start):"
    assert lines[1] == (
        "  gw0: started 0 s, collected in 30 s, 2 tests 15 s, between tests 10 s, ended 55 s"
    )
    assert lines[2].split() == ["10.0", "s", "idle", "after", "a.py::t1"]
    assert lines[3] == (
        "  gw1: started 1 s, collected in 30 s, 1 tests 69 s, between tests 0 s, ended 100 s"
    )


def test_a_pass_run_writes_its_timeline(pytester, monkeypatch):
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[1]))
    monkeypatch.delenv("PYTEST_XDIST_WORKER", raising=False)  # the run's own, under xdist
    pytester.makepyfile("def test_one():\n    pass\n")
    result = pytester.runpytest_subprocess(
        "-p", "tests.timeline", "-p", "no:django", "-p", "no:cacheprovider", "--junitxml=out.xml"
    )
    result.assert_outcomes(passed=1)
    lines = (pytester.path / "out.xml.timeline-main.tsv").read_text().splitlines()
    assert lines[0].endswith("(start and collection)")
    assert lines[1].endswith("test_a_pass_run_writes_its_timeline.py::test_one")
