"""The page history says what happened in the screens' words: a send-back is 退回修改 with its
step, and a resubmission names the step the run really restarts at (usually 初审, runs.py), not
the step that sent it back."""

from wagtail.log_actions import registry as log_action_registry
from wagtail.models import PageLogEntry

from .helpers import act, draft_item, fresh, submit

ACTIONS = ["wagtail.workflow.reject", "wagtail.workflow.resume"]


def history(page, action):
    return [entry.message for entry in PageLogEntry.objects.filter(page=page, action=action)]


def test_a_send_back_and_the_resubmission_read_as_the_screens_say(small_office):
    users = small_office["users"]
    page = draft_item(small_office["columns"][0], users["editor"])
    submit(fresh(page), users["editor"])
    act(page, users["reviewer"], "approve")
    act(page, users["secrecy"], "reject", comment="涉及个人隐私，请删除。")
    page = fresh(page)
    page.title = "办事指南：老年人优待证办理（修改）"
    page.save_revision(user=users["editor"])
    page.current_workflow_state.resume(user=users["editor"])
    page = fresh(page)
    assert page.current_workflow_task.name == "初审"

    assert history(page, "wagtail.workflow.reject") == ["“保密审查”退回修改"]
    (resumed,) = history(page, "wagtail.workflow.resume")
    assert resumed == "修改后重新送审（此前由“保密审查”退回），从“初审”重新审核"
    labels = {str(log_action_registry.get_action_label(a)) for a in ACTIONS}
    assert {"退回修改", "重新送审"} <= labels
    assert labels == {"退回修改", "重新送审"}
