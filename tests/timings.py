"""Where a test run's time went, from the JUnit XML reports `make test` writes (TEST_REPORT):
per report, the seconds of each test folder (setup and teardown included) and the slowest
tests; and, from the workers' timelines beside it (tests/timeline.py), each worker's start and
collection, its seconds in tests and between them, and when it ended. `.ci/run` prints it after
both passes: the figures docs/testing.md's tables are read from.

    python -m tests.timings test-results/junit.xml [more.xml …]
"""

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

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


def timelines(report):
    """{worker: [(start, end, what)]} from the timeline files beside `report`."""
    found = {}
    for path in sorted(Path(report).parent.glob(f"{Path(report).name}.timeline-*.tsv")):
        rows = []
        for line in path.read_text(encoding="utf-8").splitlines():
            start, end, what = line.split("\t", 2)
            rows.append((float(start), float(end), what))
        found[path.name.rsplit("timeline-", 1)[1].removesuffix(".tsv")] = rows
    return found


def worker_summary(report, longest_gaps=3):
    workers = timelines(report)
    if not workers:
        return ""
    zero = min(rows[0][0] for rows in workers.values())
    end = max(rows[-1][1] for rows in workers.values())
    lines = [f"  workers (wall {end - zero:,.0f} s from the first worker's start):"]
    for worker, (first, *tests) in sorted(workers.items()):
        if not tests:
            continue
        busy = sum(stop - start for start, stop, _test in tests)
        gaps = [(tests[i + 1][0] - tests[i][1], tests[i][2]) for i in range(len(tests) - 1)]
        idle = sum(gap for gap, _test in gaps)
        lines.append(
            f"  {worker}: started {first[0] - zero:,.0f} s, "
            f"collected in {first[1] - first[0]:,.0f} s, {len(tests)} tests {busy:,.0f} s, "
            f"between tests {idle:,.0f} s, ended {tests[-1][1] - zero:,.0f} s"
        )
        for gap, after in sorted(gaps, reverse=True)[:longest_gaps]:
            lines.append(f"      {gap:6.1f} s idle after {after}")
    return "\n".join(lines)


def main(reports):
    for report in reports:
        print(summary(report))
        print(worker_summary(report))


if __name__ == "__main__":
    main(sys.argv[1:])
