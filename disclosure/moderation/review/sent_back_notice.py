"""A sent-back item's reason at the top of its edit page.

The editor who opens an item a review step sent back saw a small 已退回 badge; who sent it back
and why sat behind the status side panel's icon (the dashboard's 退回给我的 lists it, but an
editor often comes from the column's page list). The edit page now opens with it, above the
form, as long as the item waits for its changes."""

from django.contrib import messages
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_user_display_name
from wagtail.models import WorkflowState

SENT_BACK = _("“%(step)s”由%(reviewer)s退回修改：%(reason)s 修改后请重新提交审核。")
NO_REASON = _("（未写理由）")


def show_send_back_reason(request, page):
    """`before_edit_page`: on opening the page (not on its saves and autosaves)."""
    if request.method != "GET" or request.GET.get("_w_hydrate_create_view"):
        return None
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None:
        return None
    messages.warning(
        request,
        SENT_BACK
        % {
            "step": task_state.task.name,
            "reviewer": get_user_display_name(task_state.finished_by),
            "reason": task_state.comment or NO_REASON,
        },
    )
    return None
