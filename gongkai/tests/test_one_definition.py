"""Rules the project states once: a module that spells one out again in place (and so may drift
from the others) fails here. Each rule names the one place that defines it."""

import re

from .project_code import source_files


def places(pattern, allowed=()):
    """The project modules whose code matches `pattern`, except the `allowed` ones."""
    found = re.compile(pattern)
    return sorted(
        str(path)
        for path, text in source_files()
        if found.search(text) and str(path) not in allowed
    )


def test_a_running_review_is_wagtails_active_workflow_state():
    """A review running or sent back is WorkflowState.objects.active(), not a list of statuses."""
    assert places(r"WorkflowState\.STATUS_IN_PROGRESS") == []
