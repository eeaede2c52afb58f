"""Who may cancel a review run, and what follows when someone other than its submitter does.

A disclosure office's reviewers act through approve or send back, each with its comment on the
record; ending a run without either is for the one who submitted it (retracting the
submission) or for an administrator who may publish the page (an organisation's 管理员 on its
own tree, a site administrator). Wagtail also lets every reviewer at the current step and the
page's owner cancel: a run could end silently, with no reason and no word to the submitter.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Page

from ..mail import notifications
from ..publishing.force_publish import may_force_publish

CANCELLED_BY_OTHER = "moderation.workflow_cancelled_by_other"
REFUSAL = _("只有提交人或管理员可以取消审核流程；审核人员请使用“通过”或“退回”并填写意见。")


def may_cancel_workflow(workflow_state, user):
    """The submitter of the run, or a user who may publish its page."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.pk == workflow_state.requested_by_id:
        return True
    page = workflow_state.content_object
    return isinstance(page, Page) and may_force_publish(page, user)


def record_cancellation(workflow_state, user):
    """A run ended by someone other than its submitter: in the page's history, and told to
    the submitter (after commit, through the outbox)."""
    if user is None or user.pk == workflow_state.requested_by_id:
        return
    page = workflow_state.content_object
    if not isinstance(page, Page):
        return
    log(
        instance=page.specific,
        action=CANCELLED_BY_OTHER,
        user=user,
        data={
            "workflow_state_id": workflow_state.pk,
            "requested_by": workflow_state.requested_by_id,
        },
    )
    notifications.cancelled_by_other(workflow_state, user)
