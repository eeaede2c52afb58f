"""The state of a disclosure item in the Plone-like terms the offices use.

`moderation_status` is the one place a page's state is computed; the admin listings, the page
editor's header, the history and the dashboard all show what it returns. It reads only what
Wagtail's listings already prefetch (`prefetch_workflow_states`, `annotate_approved_schedule`),
so a listing costs no query per row.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import WorkflowState

from disclosure.catalogue.publication_state import WITHDRAWN, was_withdrawn

DRAFT = _("草稿")
SENT_BACK = _("已退回")
PUBLISHED = _("已发布")
SCHEDULED = _("定时发布")
IN_REVIEW = _("审核中")

# Badge colours of Wagtail's status tag: published ones primary, the rest neutral.
PUBLIC_STATES = {str(PUBLISHED)}


def pending_label(task_name):
    """待初审, 待保密审查, 待终审: “awaiting” the step the item stands at."""
    return _("待%(step)s") % {"step": task_name} if task_name else IN_REVIEW


def moderation_status(page):
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return SENT_BACK
        task_state = workflow_state.current_task_state
        return pending_label(task_state.task.name if task_state else "")
    if page.approved_schedule:
        return SCHEDULED
    if page.live:
        return PUBLISHED
    if was_withdrawn(page):
        return WITHDRAWN
    return DRAFT
