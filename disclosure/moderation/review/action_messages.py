"""What the reviewer is told after acting on an item in the page editor.

Wagtail's edit view ends every workflow action (退回修改, 通过, 通过并发布 …) with "页面 'X' 已被
更新。": a reviewer who sent an item back, or a leader who just published the annual report,
was not told that it happened (issue 17, findings F6 of the editors' walk-through). The message
names the action and the item's status afterwards (status.py: 已退回, 待保密审查, 已发布 …).
"""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .status import moderation_status

DONE = {"reject": _("已退回修改"), "approve": _("已通过")}
OUTCOME = _("“%(title)s”%(done)s，当前状态：%(status)s。")


class WorkflowActionMessages:
    """For Wagtail's page EditView."""

    def add_save_confirmation_message(self):
        action = getattr(self, "workflow_action", None)
        if not self.request.POST.get("action-workflow-action") or action not in DONE:
            return super().add_save_confirmation_message()
        page = Page.objects.get(pk=self.page.pk).specific  # as the action left it
        messages.success(
            self.request,
            OUTCOME
            % {
                "title": page.get_admin_display_title(),
                "done": DONE[action],
                "status": moderation_status(page),
            },
        )
