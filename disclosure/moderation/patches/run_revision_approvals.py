"""Replaces the property `wagtail.models.WorkflowState.successful_task_states`: an approval counts
only for the run's revision (runs.py).

Why: Wagtail counts every approved or skipped step of a run, whatever text it approved, so a text
changed after a step approved it would go on to the next step and be published without that
step's reviewer having seen it. With this property a correction sends the run back to the first
step that did not approve the corrected text (三审: every reviewer signs the exact text
published, docs/moderation.md).

Checked against Wagtail 8.0.1: the property (approved or skipped task states, filtered by the
latest revision only under WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT) and its two readers,
`get_next_task` and `is_at_final_task`, which exclude the steps whose task states it returns.
"""

from gongkai.patching import Patch

from ..revisions.runs import successful_task_states

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.models.workflows.WorkflowState.successful_task_states": "bc7906e38999b018",
        "wagtail.models.workflows.WorkflowState.get_next_task": "b8ef8ebe6167e140",
        "wagtail.models.workflows.WorkflowState.is_at_final_task": "92664be91746aa2a",
    },
)


def apply():
    from wagtail.models import WorkflowState

    WorkflowState.successful_task_states = property(successful_task_states)
