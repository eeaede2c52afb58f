"""Where a test run's time went, from the JUnit XML reports `make test` writes (TEST_REPORT):
per report, the seconds of each test folder (setup and teardown included) and the slowest
tests. `.ci/run` prints it after both passes: the figures docs/testing.md's tables are read from.

    python -m tests.timings test-results/junit.xml [more.xml …]
"""

import sys
import xml.etree.ElementTree as ET
from collections import Counter

SLOWEST = 15


def test_times(report):
    """(test id, seconds) of every test case of a JUnit XML report."""
    for case in ET.parse(report).getroot().iter("testcase"):
        module = case.get("classname", "").replace(".", "/")
        yield f"{module}::{case.get('name')}", float(case.get("time") or 0)


def folder(test_id):
    """The test folder a test id belongs to (`disclosure/moderation/tests`, `tests/browser`)."""
    parts = test_id.split("::")[0].split("/")
    if parts[0] == "tests":
        return "/".join(parts[:2])
    if "tests" in parts:
        return "/".join(parts[: parts.index("tests") + 1])
    return "/".join(parts[:2])


def summary(report):
    times = list(test_times(report))
    total = sum(seconds for _test, seconds in times)
    by_folder = Counter()
    for test, seconds in times:
        by_folder[folder(test)] += seconds
    lines = [f"{report}: {len(times)} tests, {total:,.0f} worker-seconds"]
    for name, seconds in by_folder.most_common():
        lines.append(f"  {seconds:8.0f} s  {seconds / total:6.1%}  {name}")
    lines.append(f"  slowest {SLOWEST}:")
    for test, seconds in sorted(times, key=lambda item: -item[1])[:SLOWEST]:
        lines.append(f"  {seconds:8.1f} s  {test}")
    return "\n".join(lines)


def main(reports):
    for report in reports:
        print(summary(report))


if __name__ == "__main__":
    main(sys.argv[1:])
