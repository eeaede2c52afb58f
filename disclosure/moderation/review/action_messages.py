"""What the reviewer is told after acting on an item in the page editor or from the 待我审核
list of the dashboard.

Wagtail's edit view ends every workflow action (退回修改, 通过, 通过并发布 …) with "页面 'X' 已被
更新。": a reviewer who sent an item back, or a leader who just published the annual report,
was not told that it happened (issue 17, findings F6 of the editors' walk-through). The message
names the action and the item's status afterwards (status.py: 已退回, 待保密审查, 已发布 …).
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, TaskState

from .status import moderation_status

DONE = {"reject": _("已退回修改"), "approve": _("已通过")}
OUTCOME = _("“%(title)s”%(done)s，当前状态：%(status)s。")


def tell_the_outcome(request, page_id, action):
    """The reviewer's message after `action` (approve, reject) on the page, with the status
    the action left it in."""
    page = Page.objects.get(pk=page_id).specific  # as the action left it
    messages.success(
        request,
        OUTCOME
        % {
            "title": page.get_admin_display_title(),
            "done": DONE[action],
            "status": moderation_status(page),
        },
    )


class WorkflowActionMessages:
    """For Wagtail's page EditView."""

    def add_save_confirmation_message(self):
        action = getattr(self, "workflow_action", None)
        if not self.request.POST.get("action-workflow-action") or action not in DONE:
            return super().add_save_confirmation_message()
        tell_the_outcome(self.request, self.page.pk, action)


class ConfirmedWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow action view, which the 待我审核 list's buttons post to
    (wagtailadmin/js/workflow-action.js, then the dashboard again): Wagtail acts and says
    nothing, so the reviewer did not learn that the item was passed or sent back."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db(fields=["status"])
        if self.action_name in DONE and self.task_state.status != TaskState.STATUS_IN_PROGRESS:
            tell_the_outcome(request, self.object.pk, self.action_name)
        return response
