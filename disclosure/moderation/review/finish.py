"""What happens when the last reviewer approves: the system publishes (or schedules) the
revision every step of the run approved — never simply the latest one (runs.py). The final
approver needs no publish permission — leaders have none, which is what keeps them from
publishing around the review."""

from wagtail.log_actions import log

# Logged when the last approval publishes the revision it approved (stored on log entries).
PUBLISH_APPROVED = "moderation.publish_approved"


def publish_approved(workflow_state, user=None):
    # Imported here: Wagtail imports this module while wagtail.models is still loading.
    from ..publishing.publication import UnreviewedPublication
    from ..revisions.runs import approved_by_every_step, run_revision

    obj = workflow_state.content_object
    revision = run_revision(workflow_state)
    if revision is None or not approved_by_every_step(workflow_state, revision):
        raise UnreviewedPublication()
    approvals = [
        {
            "task": state.task.name,
            "user_id": state.finished_by_id,
            "user": str(state.finished_by) if state.finished_by else "",
            "at": state.finished_at.isoformat() if state.finished_at else None,
            "revision_id": state.revision_id,
        }
        for state in workflow_state.task_states.filter(status="approved", revision=revision)
        .select_related("task", "finished_by")
        .order_by("finished_at")
    ]
    log(
        instance=obj,
        action=PUBLISH_APPROVED,
        user=user,
        data={"approvals": approvals, "revision_id": revision.pk},
        revision=revision,
    )
    # user=None: the system publishes; the permission check is that of the workflow itself.
    revision.publish(user=None)
