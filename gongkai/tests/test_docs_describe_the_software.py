"""docs/ describe the software as it is, not the history of its making: no page names an issue
of the tracker, a branch of its making or a round of work. What changed when belongs in the
commit log (and a CHANGELOG, if the project keeps one)."""

import re
from pathlib import Path

from django.conf import settings

DOCS = Path(settings.BASE_DIR) / "docs"
HISTORY = re.compile(
    r"""
      \bissues?\s*\#?\d+                     # issue 14, issues 16, 18, Issue #20
    | (?<![\w/&])\#\d+\b                     # #14
    | \bh-[a-z][a-z0-9]*(?:-[a-z0-9]+)*\b    # a helper's branch: h-arch, h-walls
    | \bbranch\s+`                           # Branch `h-revision`
    | \b(?:this|last|next|previous)\s+round\b
    | \bsessions'                            # other sessions' test suites
    | \bsession\s+\d+\b                      # Session 7
    """,
    re.IGNORECASE | re.VERBOSE,
)


def references_to_history(text):
    return [match.group(0) for match in HISTORY.finditer(text)]


def test_no_page_of_the_docs_names_an_issue_a_branch_or_a_round():
    found = {}
    for path in sorted(DOCS.glob("*.md")):
        if path.name.upper().startswith("CHANGELOG"):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if hits := references_to_history(line):
                found[f"{path.name}:{number}"] = hits
    assert found == {}


def test_the_rule_finds_the_ways_history_was_written():
    text = (
        "## The admin in Chinese (issue 17)\n"
        "Branch `h-revision` (issue #14, items 1 and 13). Still to do (issue #20); see #21.\n"
        "(issues 16, 18, 19) until this round; seven other sessions' test suites; Session 7\n"
    )
    assert references_to_history(text) == [
        "issue 17",
        "Branch `",
        "h-revision",
        "issue #14",
        "issue #20",
        "#21",
        "issues 16",
        "this round",
        "sessions'",
        "Session 7",
    ]
    # What the software does is not history.
    assert not references_to_history(
        "a verified session; the round trip; `manage.py -h`; `&#8203;`; https://x.org/pull/85"
    )
