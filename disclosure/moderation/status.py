"""The state of a disclosure item in the Plone-like terms the offices use."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

DRAFT = _("草稿")
PENDING = {"reviewers": _("待初审"), "secrecy": _("待保密审查"), "leaders": _("待终审")}
SENT_BACK = _("已退回")
PUBLISHED = _("已发布")
WITHDRAWN = _("已撤回")
SCHEDULED = _("定时发布")


def moderation_status(page):
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return SENT_BACK
        task = page.current_workflow_task
        role = getattr(task.specific, "role", None) if task else None
        return PENDING.get(role, _("审核中"))
    if page.revisions.filter(approved_go_live_at__isnull=False).exists():
        return SCHEDULED
    if page.live:
        return PUBLISHED
    if page.first_published_at is not None:
        return WITHDRAWN
    return DRAFT
