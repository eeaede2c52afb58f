"""What happens when the last reviewer approves: the system publishes (or schedules) the
approved revision. The final approver needs no publish permission — leaders have none, which
is what keeps them from publishing around the review."""

from wagtail.log_actions import log


def publish_approved(workflow_state, user=None):
    obj = workflow_state.content_object
    revision = obj.get_latest_revision()
    approvals = [
        {
            "task": state.task.name,
            "user_id": state.finished_by_id,
            "user": str(state.finished_by) if state.finished_by else "",
            "at": state.finished_at.isoformat() if state.finished_at else None,
        }
        for state in workflow_state.task_states.filter(status="approved")
        .select_related("task", "finished_by")
        .order_by("finished_at")
    ]
    log(
        instance=obj,
        action="moderation.publish_approved",
        user=user,
        data={"approvals": approvals, "revision_id": revision.pk},
        revision=revision,
    )
    # user=None: the system publishes; the permission check is that of the workflow itself.
    revision.publish(user=None)
