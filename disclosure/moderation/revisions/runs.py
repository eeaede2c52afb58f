"""Which revision a review run is about (三审: every reviewer signs the exact text published).

Each step approves the revision recorded on its task state (Wagtail's TaskState.revision): the
text submitted to that step, which its reviewer did not write (four-eyes). A step starts on the
run's revision:

- at submission, and after a send-back (the author's fixed text), the page's latest revision;
- after an approval, the revision that step approved — or, when its reviewer corrected the text
  while approving (the latest revision, saved by that reviewer during the step), the correction.

Other revisions saved while a run is in progress (an author's edits, autosave, a revert, the
admin API) are not the run's revision: they stay drafts and never go live through this run.

A step's approval counts only for the run's revision (`successful_task_states` below), so after a
correction the run returns to the first step that did not approve the corrected text.
"""

from django.db.models import Q
from wagtail.models import Revision, Task, TaskState, WorkflowState

from .content import same_text

SUCCESSFUL = (TaskState.STATUS_APPROVED, TaskState.STATUS_SKIPPED)


def correction_made_in(task_state):
    """The revision the step's reviewer saved while approving it (the page's latest revision when
    the step finished, written by that reviewer during the step), or None."""
    if task_state.status != TaskState.STATUS_APPROVED or task_state.finished_by_id is None:
        return None
    latest = (
        Revision.objects.filter(
            base_content_type_id=task_state.workflow_state.base_content_type_id,
            object_id=task_state.workflow_state.object_id,
            created_at__lte=task_state.finished_at,
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if (
        latest is None
        or latest.user_id != task_state.finished_by_id
        or latest.created_at < task_state.started_at
        # Approving from the editor saves a revision even when nothing but markup changed.
        or same_text(latest, task_state.revision)
    ):
        return None
    return latest


def run_revision(workflow_state):
    """The revision the run is about now (see the module's docstring)."""
    last = (
        workflow_state.task_states.exclude(finished_at=None)
        .exclude(status=TaskState.STATUS_CANCELLED)
        .order_by("-finished_at", "-pk")
        .first()
    )
    if last is None or last.status not in SUCCESSFUL:
        return workflow_state.content_object.get_latest_revision()
    return correction_made_in(last) or last.revision


def required_tasks(workflow_state):
    return Task.objects.filter(workflow_tasks__workflow_id=workflow_state.workflow_id, active=True)


def approved_by_every_step(workflow_state, revision):
    """Whether each active step of the run's workflow approved (or skipped) `revision`."""
    required = set(required_tasks(workflow_state).values_list("pk", flat=True))
    signed = set(
        workflow_state.task_states.filter(status__in=SUCCESSFUL, revision=revision).values_list(
            "task_id", flat=True
        )
    )
    return bool(required) and required <= signed


def approved_by_a_finished_run(revision):
    """Whether a finished, approved run on the revision's own object had every step approve it."""
    runs = WorkflowState.objects.filter(
        base_content_type_id=revision.base_content_type_id,
        object_id=revision.object_id,
        status=WorkflowState.STATUS_APPROVED,
    ).filter(Q(task_states__revision=revision))
    return any(approved_by_every_step(run, revision) for run in runs.distinct())


def successful_task_states(workflow_state):
    """WorkflowState.successful_task_states (patches/run_revision_approvals.py): an approval
    counts only for the run's revision. Wagtail picks the next step as the first one without a
    successful state, so a correction sends the run back to the first step that did not approve
    it."""
    states = workflow_state.task_states.filter(status__in=SUCCESSFUL)
    revision = run_revision(workflow_state)
    return states.filter(revision=revision) if revision is not None else states
