"""Replaces `wagtail.models.WorkflowState.user_can_cancel` and wraps `WorkflowState.cancel`:
only the run's submitter or a user who may publish the page cancels a review run
(`review/who_may_cancel.may_cancel_workflow`).

Why: Wagtail lets the page's owner and every reviewer offered "approve" at the current step
cancel the run (the edit view's 取消工作流), with no reason and no notice; a 初审 reviewer ended
an editor's submission silently. Every view path (cancel, restart, the action menu, the
invalid-form path) asks `user_can_cancel`; the wrapped `cancel` refuses any other caller naming
a user who may not (a run cancelled by the system, `user=None`, e.g. a workflow deactivated
in code, is left alone).

Checked against Wagtail 8.0.1: `user_can_cancel` refuses a user other than the lock holder of a
locked object, then allows the requester, the owner, or a user offered "approve" at an
in-progress step; kept: the lock rule. `cancel(user)` sets the state cancelled, logs
`wagtail.workflow.cancel`, cancels in-progress task states and sends `workflow_cancelled`.
"""

from django.core.exceptions import PermissionDenied

from gongkai.patching import Patch

PATCH = Patch(
    library="wagtail",
    checked_version="8.0.1",
    relies_on={
        "wagtail.models.workflows.WorkflowState.user_can_cancel": "a06f01d5493d7402",
        "wagtail.models.workflows.WorkflowState.cancel": "c0da38093f691f9f",
    },
)


def apply():
    from wagtail.models import LockableMixin, WorkflowState

    from ..review.who_may_cancel import REFUSAL, may_cancel_workflow

    original_cancel = WorkflowState.cancel

    def user_can_cancel(self, user):
        instance = self.content_object
        if isinstance(instance, LockableMixin) and instance.locked and instance.locked_by != user:
            return False
        return may_cancel_workflow(self, user)

    def cancel(self, user=None):
        if user is not None and not may_cancel_workflow(self, user):
            raise PermissionDenied(REFUSAL)
        return original_cancel(self, user=user)

    WorkflowState.user_can_cancel = user_can_cancel
    WorkflowState.cancel = cancel
