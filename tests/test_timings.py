"""The summary `.ci/run` prints of where a pass's time went (tests/timings.py)."""

from tests.timings import folder, summary

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
